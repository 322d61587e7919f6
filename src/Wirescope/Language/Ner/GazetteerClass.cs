namespace Wirescope.Language.Ner;

/// <summary>
/// What a gazetteer phrase is evidence of. A hit becomes a model feature (class × position in
/// the phrase), never a hard label: "Jordan" is a country and a first name, "Turkey" a bird.
/// </summary>
[Flags]
public enum GazetteerClass : ushort
{
    None = 0,
    Gpe = 1 << 0,
    Norp = 1 << 1,
    Org = 1 << 2,
    Loc = 1 << 3,
    Fac = 1 << 4,
    Person = 1 << 5,
    FirstName = 1 << 6,
    Title = 1 << 7,
    OrgWord = 1 << 8,
    LocWord = 1 << 9,
    FacWord = 1 << 10,
    GpeWord = 1 << 11,
    EventWord = 1 << 12,
    Event = 1 << 13,
    /// <summary>Written in capitals in the table ("WHO", "US"): matches only a word in capitals.</summary>
    Acronym = 1 << 14,
    /// <summary>A lower-case particle inside personal names ("bin", "van", "da").</summary>
    NameLink = 1 << 15,
}
