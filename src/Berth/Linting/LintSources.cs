using Berth.Linting.Kubernetes;
using Berth.Linting.Terraform;

namespace Berth.Linting;

/// <summary>
/// The Terraform and Kubernetes YAML under some paths, read and evaluated once: what the linter checks and what
/// <c>berth import</c> describes. Unreadable files and syntax errors are diagnostics, never exceptions.
/// </summary>
public sealed record LintSources(TerraformProject Project, IReadOnlyList<KubeObject> Objects, IReadOnlyList<LintDiagnostic> Diagnostics, int YamlFiles)
{
    /// <summary>Files read but not understood by design (a Helm chart's unrendered templates): also in
    /// <see cref="Diagnostics"/>, and for <c>berth import</c> a note, not an error.</summary>
    public IReadOnlyList<LintDiagnostic> Unrendered { get; init; } = [];

    /// <summary>Files read whose text has no suppression comment: the linter need not read them again for one.</summary>
    public IReadOnlySet<string> WithoutSuppressions { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>What Directory.EnumerateFiles(path) lists: every entry, hidden ones too, an unreadable folder an error.</summary>
    private static readonly EnumerationOptions Listing = new() { AttributesToSkip = 0, IgnoreInaccessible = false, MatchType = MatchType.Win32 };

    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { ".terraform", ".git", "node_modules", "bin", "obj", ".terragrunt-cache" };

    /// <param name="paths">Files and folders to read.</param>
    /// <param name="varFiles">Extra tfvars files, applied to every root module.</param>
    public static LintSources Read(IReadOnlyList<string> paths, IReadOnlyList<string> varFiles) => ReadAll(paths, varFiles, null);

    /// <summary>
    /// What <see cref="Read"/> reads, with the Terraform roots streamed (<see cref="TerraformProject.Stream"/>): each
    /// root's resources and module calls go to <paramref name="visit"/> on the thread that read them, and the project
    /// keeps no resources. The Kubernetes objects that Terraform applies are among <see cref="Objects"/> as usual.
    /// </summary>
    public static LintSources Stream(IReadOnlyList<string> paths, IReadOnlyList<string> varFiles, Action<int, IReadOnlyList<TerraformResource>, IReadOnlyList<ModuleCallSite>> visit) =>
        ReadAll(paths, varFiles, visit);

    private static LintSources ReadAll(IReadOnlyList<string> paths, IReadOnlyList<string> varFiles, Action<int, IReadOnlyList<TerraformResource>, IReadOnlyList<ModuleCallSite>>? visit)
    {
        var full = paths.Select(Path.GetFullPath).ToList();
        var tfDirs = new SortedSet<string>(StringComparer.Ordinal);
        var yamlFiles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in full)
        {
            if (File.Exists(path))
            {
                if (IsTerraform(path))
                {
                    tfDirs.Add(Path.GetDirectoryName(path) ?? ".");
                }
                else if (IsYaml(path))
                {
                    yamlFiles.Add(path);
                }
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in Walk(path))
                {
                    if (IsTerraform(file))
                    {
                        tfDirs.Add(Path.GetDirectoryName(file) ?? ".");
                    }
                    else if (IsYaml(file) && Path.GetFileName(file) != LintConfig.FileName)
                    {
                        yamlFiles.Add(file);
                    }
                }
            }
        }

        var scanRoot = CommonRoot(full.Select(p => Directory.Exists(p) ? p : Path.GetDirectoryName(p) ?? ".").ToList());
        var fullVarFiles = varFiles.Select(Path.GetFullPath).ToList();

        // The Kubernetes objects in Terraform (kubernetes_manifest, kubectl_manifest), read from each root's resources.
        var manifests = new System.Collections.Concurrent.ConcurrentDictionary<int, (List<KubeObject> Objects, List<LintDiagnostic> Diagnostics)>();
        var project = visit is null
            ? TerraformProject.Load(scanRoot, tfDirs, fullVarFiles)
            : TerraformProject.Stream(scanRoot, tfDirs, fullVarFiles, (i, resources, calls) =>
            {
                manifests[i] = TerraformManifests.Read(resources);
                visit(i, resources, calls);
            });
        if (visit is null)
        {
            manifests[0] = TerraformManifests.Read(project.Resources);
        }

        var diagnostics = new List<LintDiagnostic>(project.Diagnostics);
        var unrendered = new List<LintDiagnostic>();
        var objects = new List<KubeObject>();
        var withoutSuppressions = project.WithoutSuppressions.ToHashSet(StringComparer.Ordinal);
        foreach (var file in yamlFiles)
        {
            string text;
            try
            {
                text = Files.InputFile.ReadAllText(file, LintLimits.MaxFileBytes);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(new LintDiagnostic(SourceRange.At(file, 1), "cannot read the file: " + (e is Files.InputFileException f ? f.Reason : e.Message)));
                continue;
            }

            // A chart's templates are Go templates: unrendered, what they make is unknown (helm template renders them).
            if (text.Contains("{{", StringComparison.Ordinal) && Kustomize.IsHelmTemplate(file))
            {
                var template = new LintDiagnostic(SourceRange.At(file, 1), "a Helm chart template is not rendered, so it is not checked (lint the output of helm template instead)");
                diagnostics.Add(template);
                unrendered.Add(template);
                continue;
            }

            if (!LintSuppressions.Mentioned(text))
            {
                withoutSuppressions.Add(file);
            }

            var (found, problems) = KubeReader.Read(file, text);
            if (found.Count == 0 && problems.Count == 0 && Kustomize.FileNames.Contains(Path.GetFileName(file)) && Kustomize.ReadUntyped(file, text) is { } kustomization)
            {
                found = [kustomization];
            }

            objects.AddRange(found);
            diagnostics.AddRange(problems);
        }

        foreach (var (_, (inTerraform, manifestProblems)) in manifests.OrderBy(m => m.Key))
        {
            objects.AddRange(inTerraform);
            diagnostics.AddRange(manifestProblems);
        }

        objects = Kustomize.WithoutPatches(objects);
        return new LintSources(project, objects, diagnostics, yamlFiles.Count) { Unrendered = unrendered, WithoutSuppressions = withoutSuppressions };
    }

    private static bool IsTerraform(string path) => path.EndsWith(".tf", StringComparison.Ordinal) || path.EndsWith(".tf.json", StringComparison.Ordinal);

    private static bool IsYaml(string path) => path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal);

    /// <summary>The files under a folder, each folder visited once: a link back to a folder already visited (two
    /// links to '.', a link to a parent) is not followed again, so no loop and no file linted twice.</summary>
    private static IEnumerable<string> Walk(string dir)
    {
        // Each folder with its real path: a subfolder that is not a link is its parent's real path and its name, so
        // only a link costs a walk up the path (one lstat per folder instead of one per component).
        var stack = new Stack<(string Path, string Real)>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        stack.Push((dir, Files.FileKinds.RealPath(dir)));
        while (stack.Count > 0)
        {
            var (current, real) = stack.Pop();
            if (!visited.Add(real))
            {
                continue;
            }

            IEnumerable<string> files;
            IEnumerable<string> subdirs;
            try
            {
                // One pass over the folder, telling files from folders as Directory.EnumerateFiles and
                // EnumerateDirectories do (a link counts as what it points to), each of which is a pass of its own.
                var entries = new System.IO.Enumeration.FileSystemEnumerable<(string Path, bool IsDirectory)>(
                    current, (ref System.IO.Enumeration.FileSystemEntry e) => (e.ToSpecifiedFullPath(), e.IsDirectory), Listing).ToList();
                files = entries.Where(e => !e.IsDirectory).Select(e => e.Path).Order(StringComparer.Ordinal).ToList();
                subdirs = entries.Where(e => e.IsDirectory).Select(e => e.Path).Order(StringComparer.Ordinal).Reverse().ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var file in files)
            {
                yield return file;
            }

            foreach (var sub in subdirs)
            {
                if (!SkippedFolders.Contains(Path.GetFileName(sub)))
                {
                    var link = Files.FileKinds.OfLink(sub) == Files.FileKind.SymbolicLink;
                    stack.Push((sub, link ? Files.FileKinds.RealPath(sub) : Path.Combine(real, Path.GetFileName(sub))));
                }
            }
        }
    }

    private static string CommonRoot(List<string> dirs)
    {
        if (dirs.Count == 0)
        {
            return Path.GetFullPath(".");
        }

        var root = dirs[0];
        foreach (var dir in dirs.Skip(1))
        {
            while (!(dir + Path.DirectorySeparatorChar).StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                var parent = Path.GetDirectoryName(root);
                if (parent is null)
                {
                    return root;
                }

                root = parent;
            }
        }

        return root;
    }
}
