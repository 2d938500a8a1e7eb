using System.Diagnostics;
using System.Globalization;
using KetamineFaqBot.Answering.Composers;
using KetamineFaqBot.Answering.Contextualisation;
using KetamineFaqBot.Answering.Generative;
using KetamineFaqBot.Answering.Logging;
using KetamineFaqBot.Answering.Responses;
using KetamineFaqBot.Answering.Routing;
using KetamineFaqBot.Answering.Telemetry;
using KetamineFaqBot.Answering.Text;
using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Conversations;
using KetamineFaqBot.Core.Retrieval;
using KetamineFaqBot.Core.Semantics;
using KetamineFaqBot.Core.Telemetry;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Answering.Pipeline;

/// <summary>
/// One turn end to end: load state → normalise → guardrails → contextualise → retrieve → confidence gate →
/// compose (FAQ | generative | extractive) → footer and crisis resources → save state.
/// </summary>
public sealed class AnswerPipeline : IAnswerService
{
    /// <summary>Rule id reported when a message exceeds the length limit.</summary>
    public const string TooLongRule = "input.too-long";

    /// <summary>Rule id reported for an empty message (only markup or mentions).</summary>
    public const string EmptyRule = "input.empty";

    /// <summary>Rule id added when the classifier's out of scope was set aside because the corpus's words cover the message.</summary>
    public const string InScopeByWordsRule = "gate:in-scope-by-words";

    private const string FixedComposer = "fixed";
    private const int KeptTurns = 5;

    // Longest message tried as a follow-up after its words alone sent it away.
    private const int MaxContinuationWords = 12;

    private readonly IConversationStore store;
    private readonly IMessageNormaliser normaliser;
    private readonly IGuardrails guardrails;
    private readonly IResponseTexts texts;
    private readonly IRetriever retriever;
    private readonly IContentGapRecorder gaps;
    private readonly AnsweringOptions options;
    private readonly ILogger logger;
    private readonly TimeProvider timeProvider;
    private readonly IGenerativeAnswerComposer? generative;
    private readonly IQueryRewriter? rewriter;
    private readonly ConfidenceGate gate;
    private readonly HybridSearch search;
    private readonly FaqComposer faq;
    private readonly ExtractiveComposer extractive;
    private readonly QueryFocus focus;
    private readonly AnswerTypes answerTypes;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? embeddings;

    public AnswerPipeline(
        IConversationStore store,
        IMessageNormaliser normaliser,
        IGuardrails guardrails,
        IResponseTexts texts,
        IRetriever retriever,
        IContentGapRecorder gaps,
        IOptions<AnsweringOptions> options,
        ILogger<AnswerPipeline>? logger = null,
        TimeProvider? timeProvider = null,
        IGenerativeAnswerComposer? generative = null,
        IQueryRewriter? rewriter = null,
        QueryFocus? focus = null,
        AnswerTypes? answerTypes = null,
        IEmbeddingGenerator<string, Embedding<float>>? embeddings = null)
    {
        this.embeddings = embeddings;
        this.focus = focus ?? QueryFocus.Empty;
        this.answerTypes = answerTypes ?? AnswerTypes.None;
        ArgumentNullException.ThrowIfNull(options);
        this.store = store ?? throw new ArgumentNullException(nameof(store));
        this.normaliser = normaliser ?? throw new ArgumentNullException(nameof(normaliser));
        this.guardrails = guardrails ?? throw new ArgumentNullException(nameof(guardrails));
        this.texts = texts ?? throw new ArgumentNullException(nameof(texts));
        this.retriever = retriever ?? throw new ArgumentNullException(nameof(retriever));
        this.gaps = gaps ?? throw new ArgumentNullException(nameof(gaps));
        this.options = options.Value;
        this.logger = logger ?? NullLogger<AnswerPipeline>.Instance;
        this.timeProvider = timeProvider ?? TimeProvider.System;
        this.generative = generative;
        this.rewriter = rewriter;
        gate = new ConfidenceGate(this.options, retriever, this.focus);
        search = new HybridSearch(retriever);
        faq = new FaqComposer(this.options);
        extractive = new ExtractiveComposer(this.options, this.focus);
    }

    /// <summary>The semantic layer of the version served, when questions can be embedded; null runs the rules and words alone.</summary>
    private ISemanticIndex? Semantic => embeddings is null ? null : retriever.Extension<ISemanticIndex>();

    /// <summary>
    /// Does now what the version served would otherwise do on its first question: the calibration of the gate's
    /// semantic layer (≈ 0.5 s). Needs no sentence model, so a host can run it while the model loads.
    /// </summary>
    public void Prepare()
    {
        if (Semantic is { } semantic && gate.MeaningModel(semantic) is null)
        {
            _ = gate.SemanticThreshold(semantic);
        }
    }

    /// <summary>
    /// Runs one fixed informational question through the rules, the classifier, both searches, the gate and the composer
    /// without a conversation: nothing is loaded, saved, logged or recorded as a content gap. A host calls it before it
    /// takes requests (after <see cref="Prepare"/>, or the gate prepares on this question), so the first patient's
    /// question does not pay for the first run of each of them.
    /// </summary>
    /// <returns>The route the question took (<see cref="Route.Answer"/> on a corpus that covers it).</returns>
    public async Task<Route> WarmUpAsync(CancellationToken cancellationToken = default)
    {
        var text = normaliser.Normalise(WarmUpQuestion).Text;
        var (decision, _, embedding) = await FuseAsync(text, Guard(text), cancellationToken);
        var query = focus.Focus(text, TermStatistics.For(retriever.Passages));
        var turn = new Turn("warm-up", "warm-up", text, Channel: "warm-up");
        var outcome = await AnswerFromCorpusAsync(turn, text, query, new StandaloneQuestion(text, embedding), decision, cancellationToken, tentative: true);
        return Finish(outcome, turn.Locale, crisisFlag: false).Route;
    }

    private const string WarmUpQuestion = "is ketamine treatment addictive";

    public async Task<Answer> AnswerAsync(Turn turn, CancellationToken cancellationToken = default) =>
        (await AnswerAsync(turn, save: true, cancellationToken)).Answer;

    /// <summary>The turn without its save: the caller writes the state with the turn's reply and record.</summary>
    public Task<AnsweredTurn> AnswerUnsavedAsync(Turn turn, CancellationToken cancellationToken = default) =>
        AnswerAsync(turn, save: false, cancellationToken);

    private async Task<AnsweredTurn> AnswerAsync(Turn turn, bool save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var started = Stopwatch.GetTimestamp();
        ConversationState state;
        using (var load = PipelineTelemetry.Stage(PipelineTelemetry.Store))
        {
            load?.SetTag(TelemetryNames.StoreOperationTag, "load");
            state = await store.LoadAsync(turn.ConversationId, cancellationToken);
        }

        var outcome = await RouteAsync(turn, state, cancellationToken);

        var crisisFlag = state.CrisisFlag || outcome.Answer.Route == Route.Crisis;
        Answer answer;
        using (var checks = PipelineTelemetry.Stage(PipelineTelemetry.Checks))
        {
            answer = Finish(outcome, turn.Locale, state.CrisisFlag);
            checks?.SetTag(TelemetryNames.RouteTag, answer.Route.ToWire());
        }

        var recent = state.RecentTurns
            .Append(new ConversationTurn(timeProvider.GetUtcNow(), outcome.Query, answer.Route.ToWire(), answer.Provenance.Passages))
            .TakeLast(KeptTurns)
            .ToList();
        var next = new ConversationState(recent, crisisFlag);
        if (save)
        {
            using var saving = PipelineTelemetry.Stage(PipelineTelemetry.Store);
            saving?.SetTag(TelemetryNames.StoreOperationTag, "save");
            await store.SaveAsync(turn.ConversationId, next, cancellationToken);
        }

        var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var routeName = answer.Route.ToWire();
        logger.TurnAnswered(routeName, answer.Provenance.Composer, outcome.HitCount, answer.Citations.Count, elapsedMs);
        return new AnsweredTurn(answer, save ? null : next);
    }

    private async Task<Outcome> RouteAsync(Turn turn, ConversationState state, CancellationToken cancellationToken)
    {
        var message = normaliser.Normalise(turn.Text);
        var text = message.Text;
        if (message.IsTooLong)
        {
            // SAFETY: a long message can still describe a crisis or an emergency; those routes win over "too long".
            var (longDecision, longRouting, _) = await FuseAsync(text, Guard(text), cancellationToken);
            if (longDecision.Route is Route.Crisis or Route.Emergency)
            {
                return Fixed(longDecision.Route.Value, longDecision.ResponseKey, longDecision, turn.Locale) with { Routing = longRouting };
            }

            // Too long is reported as out_of_scope (no route of its own in the contract) with its own text and rule id.
            var tooLong = longDecision with { Rules = [TooLongRule, .. longDecision.Rules] };
            var outcome = Fixed(Route.OutOfScope, "too_long", tooLong, turn.Locale);
            var limited = outcome.Answer.Text.Replace("{maxLength}", message.MaxLength.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            return outcome with { Answer = outcome.Answer with { Text = limited }, Routing = longRouting };
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Fixed(Route.Smalltalk, "smalltalk.greeting", new GuardrailDecision(Route.Smalltalk, null, [EmptyRule], false), turn.Locale);
        }

        var (decision, routing, embedding) = await FuseAsync(text, Guard(text), cancellationToken);
        var previous = state.RecentTurns.LastOrDefault(t => t.Route == RouteNames.ToWire(Route.Answer) && t.Query.Length > 0);
        var followUp = previous is not null && FollowUpContextualiser.IsFollowUp(text);

        // The previous answer is the conversation's last turn: nothing else came between it and this message.
        var rightAfterAnswer = previous is not null && ReferenceEquals(previous, state.RecentTurns[^1]);
        var rescued = false;
        if (decision.Route is { } route)
        {
            // A bare follow-up ("and the cost?") has no ketamine words, so the scope rules cannot see it is in scope;
            // only scope rules are overridden, never a safety route.
            rescued = followUp && RouteFusion.OutOfScopeByWordsOnly(decision);
            if (!rescued)
            {
                if (rightAfterAnswer && MayContinue(text, decision)
                    && await TryFollowUpAsync(turn, text, previous!.Query, decision, cancellationToken) is { } continued)
                {
                    return continued with { Routing = routing };
                }

                if (OutOfScopeByClassifierAlone(decision)
                    && await TryInScopeAsync(turn, text, embedding, decision, cancellationToken) is { } inScope)
                {
                    return inScope with { Routing = routing };
                }

                return Fixed(route, decision.ResponseKey, decision, turn.Locale) with { Routing = routing };
            }
        }

        // Who is asking and what the answer is for stay with the guardrails; the search looks for what is asked.
        var query = followUp ? text : focus.Focus(text, TermStatistics.For(retriever.Passages));
        if (followUp)
        {
            query = await ContextualiseAsync(focus.Respell(text), previous!.Query, rescued, cancellationToken);
        }

        // The message's own embedding stands for the question unless a follow-up was rewritten into another one.
        var standalone = new StandaloneQuestion(followUp ? query : text, followUp ? null : embedding);

        // A longer message that points back at the previous answer ("do they keep an eye on that during the session?")
        // is first asked alone; when the corpus does not answer it alone, it is tried against the previous question.
        var pointsBack = !followUp && rightAfterAnswer && FollowUpContextualiser.PointsBack(text);
        var answered = await AnswerFromCorpusAsync(turn, text, query, standalone, decision, cancellationToken, tentative: pointsBack);
        if (pointsBack && answered.Answer.Route == Route.NoAnswer)
        {
            if (await TryFollowUpAsync(turn, text, previous!.Query, decision, cancellationToken) is { } continued)
            {
                return continued with { Routing = routing };
            }

            await RecordGapAsync(turn, text, answered.Answer.Provenance.Gate?.TopScore ?? 0f, cancellationToken);
        }

        return answered with { Routing = routing };
    }

    /// <summary>
    /// A short message after an answer that only its words sent away (out_of_scope or small talk by the scope rules or
    /// the classifier), holding a word that says what it asks about: "ok now the case against", "numbers?".
    /// </summary>
    private bool MayContinue(string text, GuardrailDecision decision) =>
        RouteFusion.AwayByWordsOnly(decision)
        && TextAnalysis.Words(text).Count <= MaxContinuationWords
        && TextAnalysis.ContentTerms(text).Any(t => !focus.IsUninformative(t));

    /// <summary>
    /// Tries the message as a follow-up of the previous question: answered only when the confidence gate finds the
    /// combined question covered (no content gap is recorded otherwise); null leaves the original route standing.
    /// </summary>
    private async Task<Outcome?> TryFollowUpAsync(Turn turn, string text, string previousQuery, GuardrailDecision decision, CancellationToken cancellationToken)
    {
        var query = await ContextualiseAsync(focus.Respell(text), previousQuery, rescued: true, cancellationToken);
        var attempt = await AnswerFromCorpusAsync(turn, text, query, new StandaloneQuestion(query, null), decision, cancellationToken, tentative: true);
        return attempt.Answer.Route == Route.Answer ? attempt : null;
    }

    /// <summary>
    /// Out of scope by the classifier alone: no rule recognised the message as off-topic or as lacking ketamine words.
    /// </summary>
    private static bool OutOfScopeByClassifierAlone(GuardrailDecision decision) =>
        decision.Route == Route.OutOfScope && decision.Rules.Count == 1 && decision.Rules[0] == RouteFusion.ClassifierRule(Route.OutOfScope);

    /// <summary>
    /// A message the classifier alone called out of scope is still answered when the corpus's own words cover it: the
    /// word search's top passages hold its informative words (the gate's lexical layer). The classifier learnt from
    /// off-topic exemplars, and a plain question on a topic the corpus covers ("will my insurance pay?") is not one.
    /// Null leaves out of scope standing.
    /// </summary>
    private async Task<Outcome?> TryInScopeAsync(
        Turn turn, string text, ReadOnlyMemory<float>? embedding, GuardrailDecision decision, CancellationToken cancellationToken)
    {
        var query = focus.Focus(text, TermStatistics.For(retriever.Passages));
        var inScope = decision with { Route = null, ResponseKey = null, Rules = [.. decision.Rules, InScopeByWordsRule] };
        var attempt = await AnswerFromCorpusAsync(turn, text, query, new StandaloneQuestion(text, embedding), inScope, cancellationToken, tentative: true);
        return attempt.Answer.Route == Route.Answer && attempt.Answer.Provenance.Gate?.Layer == ConfidenceGate.LexicalLayer ? attempt : null;
    }

    private static string Squeeze(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The vetted FAQ entry the question paraphrases (cosine at or above the version's calibrated threshold), if any.</summary>
    private static Core.Corpus.Passage? FaqParaphrase(ISemanticIndex semantic, ReadOnlyMemory<float> embedding) =>
        semantic.NearestFaq(embedding.Span) is { } best && best.Cosine >= semantic.FaqMatchThreshold ? best.Passage : null;

    /// <summary>The question's cosine to each sentence of the passages an answer may quote from, when the version has vectors for them.</summary>
    private static Dictionary<string, IReadOnlyList<float>>? SentenceCosines(ISemanticIndex? semantic, ReadOnlyMemory<float>? vector, IReadOnlyList<SearchHit> hits)
    {
        if (semantic is null || vector is not { } embedding)
        {
            return null;
        }

        var cosines = new Dictionary<string, IReadOnlyList<float>>(StringComparer.Ordinal);
        foreach (var hit in hits.Take(ExtractiveComposer.MaxPassages))
        {
            if (semantic.SentenceCosines(hit.Passage, embedding.Span) is { } perSentence)
            {
                cosines[hit.Passage.Id] = perSentence;
            }
        }

        return cosines;
    }

    /// <summary>The standalone question's embedding for the vector search, when the version served has a semantic layer.</summary>
    private async Task<(ISemanticIndex? Semantic, ReadOnlyMemory<float>? Embedding)> QuestionVectorAsync(StandaloneQuestion standalone, CancellationToken cancellationToken)
    {
        if (Semantic is not { } semantic)
        {
            return (null, null);
        }

        var embedding = standalone.Embedding ?? await embeddings!.GenerateVectorAsync(standalone.Text, cancellationToken: cancellationToken);
        return (semantic, embedding);
    }

    /// <summary>The reviewed rules' decision on the message, as a stage of the turn's trace.</summary>
    private GuardrailDecision Guard(string text)
    {
        using var span = PipelineTelemetry.Stage(PipelineTelemetry.Guardrails);
        var decision = guardrails.Evaluate(text);
        span?.SetTag(TelemetryNames.RouteTag, decision.Route?.ToWire());
        return decision;
    }

    /// <summary>
    /// The rules' decision heard together with the route classifier of the version served (see <see cref="RouteFusion"/>).
    /// Without a classifier (none configured, or a version without one) the rules decide alone.
    /// </summary>
    /// <returns>The decision, its provenance and the message's embedding (both null without a classifier).</returns>
    private async Task<(GuardrailDecision Decision, RouteProvenance? Routing, ReadOnlyMemory<float>? Embedding)> FuseAsync(
        string text, GuardrailDecision rules, CancellationToken cancellationToken)
    {
        if (Semantic is not { } semantic)
        {
            return (rules, null, null);
        }

        using var span = PipelineTelemetry.Stage(PipelineTelemetry.Classifier);
        var embedding = await embeddings!.GenerateVectorAsync(text, cancellationToken: cancellationToken);
        var fused = RouteFusion.Fuse(rules, semantic.Classify(text, embedding.Span), semantic.Thresholds);
        span?.SetTag(TelemetryNames.RouteTag, fused.Decision.Route?.ToWire());
        span?.SetTag(TelemetryNames.RoutingLayerTag, fused.Routing?.Layer);
        return (fused.Decision, fused.Routing, embedding);
    }

    private async Task<string> ContextualiseAsync(string followUp, string previousQuery, bool rescued, CancellationToken cancellationToken)
    {
        if (rewriter is not null)
        {
            var rewritten = await rewriter.RewriteAsync(previousQuery, followUp, cancellationToken);
            if (rewritten is not null)
            {
                logger.FollowUpContextualised("model", rescued);
                return rewritten;
            }
        }

        logger.FollowUpContextualised("deterministic", rescued);
        return FollowUpContextualiser.Contextualise(followUp, previousQuery);
    }

    /// <param name="tentative">True when the turn already has a route and this is only a try: a refusal records no content gap.</param>
    private async Task<Outcome> AnswerFromCorpusAsync(
        Turn turn, string question, string query, StandaloneQuestion standalone, GuardrailDecision decision, CancellationToken cancellationToken,
        bool tentative = false)
    {
        var (semantic, vector, found, gateResult) = await RetrieveAsync(query, standalone, cancellationToken);
        var hits = found.Fused;

        // A paraphrase of a vetted FAQ question (typos and other words included) gets the vetted answer verbatim, even
        // when neither gate layer finds the question covered.
        if (!gateResult.Passed && semantic is not null && vector is { } embedding && FaqParaphrase(semantic, embedding) is { } paraphrase)
        {
            logger.FaqParaphraseMatched();
            var paraphraseGate = gateResult with { Layer = ConfidenceGate.FaqParaphraseLayer };
            var faqRequest = new ComposeRequest(question, query, [new SearchHit(paraphrase, gateResult.TopScore)], turn.Locale, TermStatistics.For(retriever.Passages));
            var vetted = new ComposedAnswer(ExtractiveComposer.WithMarker(paraphrase.Text.Trim(), 1), [paraphrase], FaqComposer.Name);
            using var paraphraseSpan = PipelineTelemetry.Stage(PipelineTelemetry.Compose);
            paraphraseSpan?.SetTag(TelemetryNames.ComposerTag, vetted.Composer);
            return Compose(faqRequest, vetted, hits, decision, paraphraseGate);
        }

        if (!gateResult.Passed)
        {
            logger.GateRefused(gateResult.TopScore, gateResult.Coverage);
            return await NoAnswerAsync(turn, question, query, decision, hits.Count, gateResult, !tentative, cancellationToken);
        }

        // A question for a kind of fact (when…, how long…) is made from a leading passage that states one.
        hits = answerTypes.Prefer(query, hits, h => h.Passage, AnswerTypes.PreferDepth);
        var request = new ComposeRequest(question, query, hits, turn.Locale, TermStatistics.For(retriever.Passages), SentenceCosines(semantic, vector, hits));
        ComposedAnswer? composed;
        using (var composeSpan = PipelineTelemetry.Stage(PipelineTelemetry.Compose))
        {
            composed = faq.TryCompose(request);
            if (composed is null && generative is not null)
            {
                composed = await generative.ComposeAsync(request, cancellationToken);
            }

            composed ??= extractive.Compose(request);
            composeSpan?.SetTag(TelemetryNames.ComposerTag, composed.Composer);
        }

        // A question for a kind of fact (how long…) is not answered from passages that state none.
        string? missing;
        using (PipelineTelemetry.Stage(PipelineTelemetry.Checks))
        {
            missing = answerTypes.Unsupported(query, composed.Cited);
        }

        if (missing is not null)
        {
            logger.AnswerTypeUnsupported(missing);
            return await NoAnswerAsync(turn, question, query, decision, hits.Count, gateResult, !tentative, cancellationToken);
        }

        return Compose(request, composed, hits, decision, gateResult);
    }

    /// <summary>Both searches and the confidence gate: the hits for the question and whether they cover it.</summary>
    private async Task<Retrieved> RetrieveAsync(string query, StandaloneQuestion standalone, CancellationToken cancellationToken)
    {
        using var span = PipelineTelemetry.Stage(PipelineTelemetry.Retrieval);
        var (semantic, vector) = await QuestionVectorAsync(standalone, cancellationToken);
        var found = search.Search(query, vector, options.RetrieveTop, cancellationToken);
        var model = semantic is null ? null : gate.MeaningModel(semantic);
        var semanticThreshold = semantic is null || model is not null ? 1f : gate.SemanticThreshold(semantic);
        GateResult Judge(HybridHits hits, ReadOnlyMemory<float>? embedding) => model is not null && embedding is { } e
            ? gate.Evaluate(query, hits, model, semantic!, e.Span)
            : gate.Evaluate(query, hits, semanticThreshold);
        var gateResult = Judge(found, vector);

        // A story around the question dilutes the whole message's embedding: when the gate refuses, the meaning search
        // is tried once more with the focused question alone (what the word search already reads).
        if (!gateResult.Passed && semantic is not null && standalone.Embedding is not null
            && !string.Equals(Squeeze(query), Squeeze(standalone.Text), StringComparison.OrdinalIgnoreCase))
        {
            var focused = await embeddings!.GenerateVectorAsync(query, cancellationToken: cancellationToken);
            var refound = search.Search(query, focused, options.RetrieveTop, cancellationToken);
            var regated = Judge(refound, focused);
            if (regated.Passed)
            {
                (vector, found, gateResult) = (focused, refound, regated);
            }
        }

        span?.SetTag(TelemetryNames.GateLayerTag, gateResult.Layer);
        return new Retrieved(semantic, vector, found, gateResult);
    }

    private Outcome Compose(ComposeRequest request, ComposedAnswer composed, IReadOnlyList<SearchHit> hits, GuardrailDecision decision, GateResult gateResult)
    {
        var question = request.Question;
        var query = request.Query;
        var citations = composed.Cited
            .Select((p, i) => new Citation(i + 1, p.DocId, p.Title, p.Section, p.Topic, p.Source, p.Id, p.Text, p.ReviewedOn))
            .ToList();
        var suggestions = SuggestionBuilder.Build(question, composed, hits, retriever.Passages);
        var provenance = new Provenance(retriever.CorpusVersion, composed.Cited.Select(p => p.Id).ToList(), decision.Rules, composed.Composer, Gate: gateResult.ToProvenance());
        var answer = new Answer(Route.Answer, composed.Text, citations, suggestions, provenance, composed.Generated);
        return new Outcome(answer, query, decision.MentionsSelfHarm, hits.Count);
    }

    private async Task<Outcome> NoAnswerAsync(
        Turn turn, string question, string query, GuardrailDecision decision, int hitCount, GateResult gateResult, bool recordGap, CancellationToken cancellationToken)
    {
        if (recordGap)
        {
            await RecordGapAsync(turn, question, gateResult.TopScore, cancellationToken);
        }

        var noAnswer = Fixed(Route.NoAnswer, "no_answer", decision, turn.Locale);
        var gated = noAnswer.Answer with { Provenance = noAnswer.Answer.Provenance with { Gate = gateResult.ToProvenance() } };
        return noAnswer with { Answer = gated, Query = query, HitCount = hitCount };
    }

    private async Task RecordGapAsync(Turn turn, string question, float topScore, CancellationToken cancellationToken)
    {
        await gaps.RecordAsync(new ContentGap(timeProvider.GetUtcNow(), question, turn.Channel, retriever.CorpusVersion, topScore), cancellationToken);
        PipelineTelemetry.ContentGapRecorded(turn.Channel);
    }

    // SAFETY: fixed routes never reach retrieval or the model; their text is the reviewed file, verbatim.
    private Outcome Fixed(Route route, string? responseKey, GuardrailDecision decision, string locale)
    {
        var text = texts.Text(responseKey ?? route.ToWire(), locale);
        var provenance = new Provenance(retriever.CorpusVersion, [], decision.Rules, FixedComposer);
        return new Outcome(new Answer(route, text, [], [], provenance), string.Empty, decision.MentionsSelfHarm, 0);
    }

    private Answer Finish(Outcome outcome, string locale, bool crisisFlag)
    {
        var answer = outcome.Answer;
        var text = answer.Text.TrimEnd();
        if (outcome.Routing is { CheckIn: true })
        {
            // SAFETY: the classifier could not rule out a crisis: the reviewed check-in leads, whatever the route.
            text = texts.Text(ResponseKeys.CrisisCheckIn, locale).Trim() + "\n\n" + text;
        }

        if (answer.Route == Route.Answer)
        {
            text += "\n\n" + texts.Text("footer", locale).Trim();
        }

        // SAFETY: whenever suicide or self-harm was mentioned, now or earlier in the conversation, every reply
        // carries the crisis resources. The crisis text itself already holds them.
        if (answer.Route != Route.Crisis && (outcome.MentionsSelfHarm || crisisFlag))
        {
            text += "\n\n" + texts.Text("crisis_resources", locale).Trim();
        }

        return answer with { Text = text, Provenance = answer.Provenance with { Routing = outcome.Routing } };
    }

    /// <summary>What retrieval found for a question and how the confidence gate judged it.</summary>
    private sealed record Retrieved(ISemanticIndex? Semantic, ReadOnlyMemory<float>? Vector, HybridHits Found, GateResult Gate);

    /// <summary>The question as retrieval sees it, with its embedding when one was already made.</summary>
    private sealed record StandaloneQuestion(string Text, ReadOnlyMemory<float>? Embedding);

    private sealed record Outcome(Answer Answer, string Query, bool MentionsSelfHarm, int HitCount)
    {
        public RouteProvenance? Routing { get; init; }
    }
}
