namespace KetamineFaqBot.Core.Answering;

/// <summary>The safety contract: every reply belongs to exactly one route.</summary>
public enum Route
{
    Answer,
    Referral,
    Crisis,
    Emergency,
    Refusal,
    OutOfScope,
    NoAnswer,
    Smalltalk,
}
