using Berth.Files;
using Berth.Tests.Cli;
using Berth.Tests.Support;

namespace Berth.Tests.Files;

public sealed class InputFileTests
{
    [Fact]
    public void Kinds_are_told_apart_without_opening_anything()
    {
        using var dir = new TempDir();
        var file = dir.File("a.txt", "x");
        var fifo = SpecialFiles.Fifo(dir.Path, "pipe");
        var link = Path.Combine(dir.Path, "link");
        File.CreateSymbolicLink(link, file);

        FileKinds.Of(file).ShouldBe(FileKind.Regular);
        FileKinds.Of(dir.Path).ShouldBe(FileKind.Directory);
        FileKinds.Of(fifo).ShouldBe(FileKind.Fifo);
        FileKinds.Of("/dev/null").ShouldBe(FileKind.CharacterDevice);
        FileKinds.Of(link).ShouldBe(FileKind.Regular);
        FileKinds.OfLink(link).ShouldBe(FileKind.SymbolicLink);
        FileKinds.Of(Path.Combine(dir.Path, "none")).ShouldBe(FileKind.Missing);
    }

    [Theory]
    [InlineData("/dev/zero", "a character device")]
    [InlineData("/dev/urandom", "a character device")]
    [InlineData("/", "a folder")]
    public void Special_files_are_refused_by_what_they_are(string path, string said)
    {
        var e = Should.Throw<InputFileException>(() => InputFile.ReadAllBytes(path, InputFile.MiB));
        e.Message.ShouldStartWith(path + ": ");
        e.Message.ShouldContain(said == "a folder" ? "is a folder" : "is " + said + ", not a regular file");
    }

    [Fact]
    public async Task A_fifo_is_refused_at_once_rather_than_waited_on()
    {
        using var dir = new TempDir();
        var fifo = SpecialFiles.Fifo(dir.Path, "pipe");

        var read = Task.Run(() => Should.Throw<InputFileException>(() => InputFile.ReadAllText(fifo, InputFile.MiB)));

        (await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(10)))).ShouldBe(read, "reading a FIFO hung");
        (await read).Reason.ShouldBe("is a named pipe (FIFO), not a regular file; Berth reads only regular files");
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_before_it_is_read_and_one_at_the_limit_is_read()
    {
        using var dir = new TempDir();
        var path = dir.File("big.txt", new string('x', 1000));

        Should.Throw<InputFileException>(() => InputFile.ReadAllText(path, 999)).Reason.ShouldBe("is 1000 bytes; Berth reads at most 999 bytes from a file of this kind");
        InputFile.ReadAllText(path, 1000).Length.ShouldBe(1000);
    }

    [Fact]
    public void A_byte_order_mark_is_dropped()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "bom.txt");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, (byte)'a']);

        InputFile.ReadAllText(path, 10).ShouldBe("a");
    }
}
