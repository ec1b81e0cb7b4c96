using System.Collections;
using System.Reflection;
using Bot.Digests.Model;
using Bot.Library.Storage;

namespace Bot.Library.Tests.Storage;

/// <summary>
/// Issue 11: <see cref="DigestHash"/> covers every model field by construction. The fields are found here by reflection
/// over the model's records, so a field added later is checked without anyone editing this test.
/// </summary>
public sealed class DigestHashTests
{
    private static readonly Type[] ModelRecords = [typeof(Digest), typeof(Section), typeof(Entry), typeof(Bullet), typeof(DigestImage), typeof(Reference), typeof(ParseWarning)];

    public static TheoryData<string, string> Fields()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in ModelRecords)
        {
            foreach (var property in Settable(type))
            {
                data.Add(type.Name, property.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void Hash_Changes_WhenAnyFieldOfAnyModelRecordChanges(string typeName, string propertyName)
    {
        var type = ModelRecords.Single(t => t.Name == typeName);
        var property = type.GetProperty(propertyName)!;
        var digest = Sample();

        var changed = Replace(digest, type, value => With(value, property));

        Assert.NotEqual(DigestHash.Of(digest), DigestHash.Of(changed));
    }

    [Fact]
    public void Hash_IsTheSame_ForAnEqualDigestBuiltAgain()
        => Assert.Equal(DigestHash.Of(Sample()), DigestHash.Of(Sample()));

    [Fact]
    public void EveryRecordReachableFromDigest_IsCheckedByThisTest()
    {
        // A new record type in the model must be added to ModelRecords (and to Sample/Replace) to be checked.
        var reached = new HashSet<Type>();
        void Walk(Type type)
        {
            var element = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : type;
            if (element.GetMethod("<Clone>$") is null || !reached.Add(element))
            {
                return;
            }

            foreach (var property in Settable(element))
            {
                Walk(property.PropertyType);
            }
        }

        Walk(typeof(Digest));

        Assert.Equal(ModelRecords.Select(t => t.Name).Order().ToList(), reached.Select(t => t.Name).Order().ToList());
    }

    private static IEnumerable<PropertyInfo> Settable(Type type)
        => type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null && p.Name != "EqualityContract");

    private static Digest Sample()
    {
        var reference = new Reference("ref-1", "A paper", "https://arxiv.org/pdf/2401.00001", "https://arxiv.org/abs/2401.00001", ReferenceKind.Paper, "2401.00001", "10.1/x");
        var entry = new Entry("d/news/0", "Entry title", [new Bullet("first", 0), new Bullet("nested", 1)], [new DigestImage("/img.png", "a caption")], [reference], 12);
        return new Digest(
            "2026-01-01-sample", "Sample", new DateOnly(2026, 1, 1), DigestFormat.Sectioned, ["ai"], ["news"], "Author", "Description", "Summary", "sample", "/p/sample/",
            [new Section("news", "News", [entry])],
            [new ParseWarning("footnote-undefined", "a warning", 3)]);
    }

    // Puts the changed record where the first record of its type sits in the sample.
    private static Digest Replace(Digest d, Type type, Func<object, object> change)
    {
        var s = d.Sections[0];
        var e = s.Entries[0];
        Digest WithEntry(Entry entry) => d with { Sections = [s with { Entries = [entry] }] };
        return type.Name switch
        {
            nameof(Digest) => (Digest)change(d),
            nameof(Section) => d with { Sections = [(Section)change(s)] },
            nameof(Entry) => WithEntry((Entry)change(e)),
            nameof(Bullet) => WithEntry(e with { Bullets = [(Bullet)change(e.Bullets[0]), .. e.Bullets.Skip(1)] }),
            nameof(DigestImage) => WithEntry(e with { Images = [(DigestImage)change(e.Images[0])] }),
            nameof(Reference) => WithEntry(e with { References = [(Reference)change(e.References[0])] }),
            nameof(ParseWarning) => d with { Warnings = [(ParseWarning)change(d.Warnings[0])] },
            _ => throw new InvalidOperationException($"no place for {type.Name} in the sample"),
        };
    }

    // A copy of the record with one property set to a different value of its type (reflection on our own records only).
    private static object With(object record, PropertyInfo property)
    {
        var copy = record.GetType().GetMethod("<Clone>$")!.Invoke(record, null)!;
        var value = property.GetValue(record);
        object? other = value switch
        {
            string text => text + "+",
            int number => number + 1,
            DateOnly date => date.AddDays(1),
            Enum e => Enum.GetValues(e.GetType()).Cast<object>().First(v => !v.Equals(e)),
            IList list when list.Count > 0 => Longer(property.PropertyType, list),
            null when property.PropertyType == typeof(string) => "set",
            null when Nullable.GetUnderlyingType(property.PropertyType) == typeof(DateOnly) => new DateOnly(2026, 1, 2),
            _ => throw new InvalidOperationException($"{record.GetType().Name}.{property.Name}: no different value for {value?.GetType().Name ?? "null"}"),
        };
        property.SetValue(copy, other);
        return copy;
    }

    private static object Longer(Type listType, IList list)
    {
        var element = listType.GetGenericArguments()[0];
        var longer = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        foreach (var item in list)
        {
            longer.Add(item);
        }

        longer.Add(list[0]);
        return longer;
    }
}
