namespace KetamineFaqBot.Semantics.Exemplars;

/// <summary>
/// Typo-augmented copies of exemplars for training (seeded, so every build trains on the same copies): people in
/// distress type fast, and a classifier that has only seen clean text misses "wnat to end my lfie".
/// </summary>
public static class TypoAugmenter
{
    /// <summary>A copy of <paramref name="text"/> with one slip per ~12 letters: a drop, a swap of neighbours or a double.</summary>
    public static string Augment(string text, Random random)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(random);
        var chars = new List<char>(text);
        var letters = chars.Count(char.IsLetter);
        var slips = Math.Max(1, letters / 12);
        for (var s = 0; s < slips && chars.Count > 3; s++)
        {
            var i = random.Next(1, chars.Count - 1);
            if (!char.IsLetter(chars[i]))
            {
                continue;
            }

            switch (random.Next(3))
            {
                case 0:
                    chars.RemoveAt(i);
                    break;
                case 1:
                    (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                    break;
                default:
                    chars.Insert(i, chars[i]);
                    break;
            }
        }

        return new string(chars.ToArray());
    }
}
