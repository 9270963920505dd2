using System.Security.Cryptography;

namespace Malekort.Import.Pseudonyms;

public sealed class PseudonymizerTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("malekort-key-").FullName;

    private static Pseudonymizer WithKey(byte fill) => new(PseudonymKey.FromBytes(Enumerable.Repeat(fill, PseudonymKey.Length).ToArray()));

    [Fact]
    public void Same_number_and_key_give_the_same_pseudonym()
    {
        Assert.Equal(WithKey(7).Of("14838512470"), WithKey(7).Of("14838512470"));
    }

    [Fact]
    public void Different_keys_give_different_pseudonyms()
    {
        Assert.NotEqual(WithKey(7).Of("14838512470"), WithKey(8).Of("14838512470"));
    }

    [Fact]
    public void Different_numbers_give_different_pseudonyms()
    {
        Assert.NotEqual(WithKey(7).Of("14838512470"), WithKey(7).Of("02919023441"));
    }

    [Fact]
    public void Pseudonym_is_p_and_the_first_128_bits_of_the_hmac_in_lower_case_hex()
    {
        var key = Enumerable.Repeat((byte)7, PseudonymKey.Length).ToArray();
        var expected = "p" + Convert.ToHexStringLower(HMACSHA256.HashData(key, "14838512470"u8)[..16]);

        var pseudonym = WithKey(7).Of("14838512470");

        Assert.Equal(expected, pseudonym);
        Assert.Matches("^p[0-9a-f]{32}$", pseudonym);
    }

    [Fact]
    public void Missing_key_file_is_created_readable_by_its_owner_only()
    {
        var path = Path.Combine(folder, "config", "malekort", "pseudonym.key");

        var key = PseudonymKey.LoadOrCreate(path);

        Assert.Equal(path, key.Path);
        Assert.True(File.Exists(path));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(PseudonymKey.Length, Convert.FromBase64String(File.ReadAllText(path).Trim()).Length);
    }

    [Fact]
    public void Key_read_back_from_its_file_gives_the_same_pseudonyms()
    {
        var path = Path.Combine(folder, "pseudonym.key");
        var created = new Pseudonymizer(PseudonymKey.LoadOrCreate(path));

        var reread = new Pseudonymizer(PseudonymKey.LoadOrCreate(path));

        Assert.Equal(created.Of("14838512470"), reread.Of("14838512470"));
    }

    [Fact]
    public void Two_created_keys_differ()
    {
        var first = new Pseudonymizer(PseudonymKey.LoadOrCreate(Path.Combine(folder, "a.key")));
        var second = new Pseudonymizer(PseudonymKey.LoadOrCreate(Path.Combine(folder, "b.key")));

        Assert.NotEqual(first.Of("14838512470"), second.Of("14838512470"));
    }

    [Theory]
    [InlineData("not base64 at all")]
    [InlineData("AAAA")]
    [InlineData("")]
    public void Key_file_without_a_32_byte_base64_key_is_refused(string text)
    {
        var path = Path.Combine(folder, "bad.key");
        File.WriteAllText(path, text);

        Assert.Throws<InvalidDataException>(() => PseudonymKey.LoadOrCreate(path));
        Assert.Equal(text, File.ReadAllText(path)); // a bad key is never overwritten: the old pseudonyms depend on it
    }

    [Fact]
    public void Key_from_bytes_must_be_32_bytes() =>
        Assert.Throws<ArgumentException>(() => PseudonymKey.FromBytes(new byte[31]));

    [Theory]
    [InlineData("/given.key", "/variable.key", "/xdg", "/given.key")]
    [InlineData(null, "/variable.key", "/xdg", "/variable.key")]
    [InlineData(null, null, "/xdg", "/xdg/malekort/pseudonym.key")]
    [InlineData(null, "", "", "~/.config/malekort/pseudonym.key")]
    public void Key_path_is_the_given_one_then_the_variable_then_the_config_folder(
        string? given, string? variable, string? xdg, string expected)
    {
        var environment = new Dictionary<string, string?> { ["MALEKORT_PSEUDONYM_KEY_FILE"] = variable, ["XDG_CONFIG_HOME"] = xdg };
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

        var path = PseudonymKey.ResolvePath(given, name => environment.GetValueOrDefault(name));

        Assert.Equal(expected.Replace("~", home, StringComparison.Ordinal), path);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
