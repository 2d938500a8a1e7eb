using System.Collections;
using KetamineFaqBot.Core.Corpus;

namespace KetamineFaqBot.Retrieval.Tests.TestSupport;

/// <summary>Yields its first passage, then fails: a corpus that breaks while the index is being written.</summary>
public sealed class ThrowingPassageList(Passage first) : IReadOnlyList<Passage>
{
    public int Count => 2;

    public Passage this[int index] => index == 0 ? first : throw new IOException("Simulated read failure");

    public IEnumerator<Passage> GetEnumerator()
    {
        yield return first;
        throw new IOException("Simulated read failure");
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
