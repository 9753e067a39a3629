using System.Globalization;
using Berth.Linting.Hcl;

namespace Berth.Linting.Terraform;

/// <summary>One instance of a resource or data source, evaluated in its module instance.</summary>
public sealed record TerraformResource(string Mode, string Type, string Name, string Address, BlockView View, ModuleInstance Module)
{
    public SourceRange Range => View.Range;

    /// <summary>
    /// Something several rules derive from this resource (e.g. its parsed container definitions), computed once.
    /// Thread-safe: the instance's module lock is taken, as evaluation does.
    /// </summary>
    public T Memo<T>(string key, Func<TerraformResource, T> compute) => Module.Memo(this, key, compute);
}

/// <summary>
/// One instance of a module (the root, or a local module called with its caller's inputs). Values are evaluated
/// lazily and cached; a root and all its module instances share one lock, so rules running on several threads see
/// each value computed once, and a cycle (<c>local.a</c> ↔ <c>local.b</c>) is only ever seen by the thread inside it.
/// </summary>
public sealed class ModuleInstance : IHclContext
{
    private readonly Dictionary<string, HclBlock> _variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HclAttr> _locals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object?> _variableValues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object?> _localValues = new(StringComparer.Ordinal);
    private readonly HashSet<string> _evaluating = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (HclExpr Expr, HclScope Scope)> _inputs;

    private readonly object _gate;

    /// <summary>Expressions that went past an evaluation budget, reported once each (guarded by the gate).</summary>
    private readonly HashSet<LintDiagnostic> _overBudget = [];

    public ModuleInstance(string directory, string rootDirectory, string scanRoot, string addressPrefix, IReadOnlyList<HclFile> files, Dictionary<string, (HclExpr Expr, HclScope Scope)> inputs, ModuleInstance? caller = null)
    {
        _gate = caller?._gate ?? new object();
        Directory = directory;
        RootDirectory = rootDirectory;
        ScanRoot = scanRoot;
        AddressPrefix = addressPrefix;
        Files = files;
        _inputs = inputs;
        RootScope = new HclScope(this);
        foreach (var block in files.SelectMany(f => f.Body.Blocks))
        {
            if (block.Type == "variable" && block.Labels is [var name])
            {
                _variables.TryAdd(name, block);
            }
            else if (block.Type == "locals")
            {
                foreach (var attr in block.Body.Attributes)
                {
                    _locals.TryAdd(attr.Name, attr);
                }
            }
        }
    }

    public string Directory { get; }

    public string RootDirectory { get; }

    public string ScanRoot { get; }

    public string AddressPrefix { get; }

    public IReadOnlyList<HclFile> Files { get; }

    public HclScope RootScope { get; }

    public List<TerraformResource> Resources { get; } = [];

    private readonly Dictionary<(TerraformResource, string), object?> _memo = [];

    public T Memo<T>(TerraformResource resource, string key, Func<TerraformResource, T> compute)
    {
        lock (_gate)
        {
            if (!_memo.TryGetValue((resource, key), out var value))
            {
                value = compute(resource);
                _memo[(resource, key)] = value;
            }

            return (T)value!;
        }
    }

    public void OverBudget(SourceRange at, string reason)
    {
        lock (_gate)
        {
            _overBudget.Add(new LintDiagnostic(at, reason));
        }
    }

    /// <summary>The notes of <see cref="OverBudget"/>.</summary>
    public IReadOnlyList<LintDiagnostic> OverBudgetNotes
    {
        get
        {
            lock (_gate)
            {
                return [.. _overBudget];
            }
        }
    }

    public object? Variable(string name)
    {
        lock (_gate)
        {
            return VariableLocked(name);
        }
    }

    public object? Local(string name)
    {
        lock (_gate)
        {
            return LocalLocked(name);
        }
    }

    private object? VariableLocked(string name)
    {
        if (_variableValues.TryGetValue(name, out var cached))
        {
            return cached;
        }

        if (!_evaluating.Add("var." + name))
        {
            return Unknown.Value;
        }

        object? value;
        if (_inputs.TryGetValue(name, out var input))
        {
            value = HclEvaluator.Evaluate(input.Expr, input.Scope);
            if (value is null && _variables.TryGetValue(name, out var nullable) && nullable.Body.Attribute("nullable")?.Value is HclLiteral { Value: false } && nullable.Body.Attribute("default") is { } fallback)
            {
                value = HclEvaluator.Evaluate(fallback.Value, HclScope.Empty);
            }
        }
        else if (_variables.TryGetValue(name, out var block) && block.Body.Attribute("default") is { } def)
        {
            value = HclEvaluator.Evaluate(def.Value, HclScope.Empty);
        }
        else
        {
            value = _variables.ContainsKey(name) ? Unknown.Value : EvalError.Value;
        }

        _evaluating.Remove("var." + name);
        _variableValues[name] = value;
        return value;
    }

    private object? LocalLocked(string name)
    {
        if (_localValues.TryGetValue(name, out var cached))
        {
            return cached;
        }

        if (!_locals.TryGetValue(name, out var attr))
        {
            return EvalError.Value;
        }

        if (!_evaluating.Add("local." + name))
        {
            return Unknown.Value;
        }

        var value = HclEvaluator.Evaluate(attr.Value, RootScope);
        _evaluating.Remove("local." + name);
        _localValues[name] = value;
        return value;
    }

    public object? PathValue(string name) => name switch
    {
        "module" => Path.GetRelativePath(RootDirectory, Directory).Replace('\\', '/'),
        "root" => ".",
        "cwd" => RootDirectory,
        _ => EvalError.Value,
    };

    public string ResolvePath(string path) => Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(RootDirectory, path));

    public string? ReadFile(string path)
    {
        var full = ResolvePath(path);
        var root = ScanRoot.EndsWith(Path.DirectorySeparatorChar) ? ScanRoot : ScanRoot + Path.DirectorySeparatorChar;
        if (!full.StartsWith(root, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return Berth.Files.InputFile.ReadAllText(full, LintLimits.MaxFileBytes);
        }
        catch (IOException)
        {
            // Missing, not a regular file (a FIFO, /dev/zero behind a link) or too large: the value is unknown.
            return null;
        }
    }

    /// <summary>Follows <c>local.x</c> and <c>var.x</c> to the expression that defines the value, with its scope.</summary>
    public static (HclExpr Expr, HclScope Scope) Resolve(HclExpr expr, HclScope scope)
    {
        for (var hops = 0; hops < 20; hops++)
        {
            if (expr is HclParens p)
            {
                expr = p.Inner;
                continue;
            }

            if (expr is not HclGetAttr { Source: HclVariable root } g || scope.Context is not ModuleInstance module || scope.TryLookup(root.Name, out _))
            {
                break;
            }

            if (root.Name == "local" && module._locals.TryGetValue(g.Name, out var local))
            {
                (expr, scope) = (local.Value, module.RootScope);
            }
            else if (root.Name == "var" && module._inputs.TryGetValue(g.Name, out var input))
            {
                (expr, scope) = input;
            }
            else if (root.Name == "var" && module._variables.TryGetValue(g.Name, out var block) && block.Body.Attribute("default") is { } def)
            {
                (expr, scope) = (def.Value, HclScope.Empty);
            }
            else
            {
                break;
            }
        }

        return (expr, scope);
    }
}

/// <summary>Finds root modules among the scanned folders, evaluates them with their tfvars and expands local modules.</summary>
public sealed class TerraformProject
{
    private const int MaxModuleDepth = LintLimits.MaxModuleDepth;
    private const int MaxInstances = LintLimits.MaxInstancesPerBlock;

    /// <summary>Every module instance made, for the notes of expressions that went past a budget.</summary>
    private readonly System.Collections.Concurrent.ConcurrentBag<ModuleInstance> _modules = [];

    /// <summary>Module calls not expanded: a source cycle, or past the instance budget (thread-safe: roots expand in parallel).</summary>
    private readonly System.Collections.Concurrent.ConcurrentBag<LintDiagnostic> _expansionNotes = [];

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, HclFile> _files = new(StringComparer.Ordinal);

    /// <summary>Files read while expanding (tfvars, modules outside the scanned folders), with a read error if any;
    /// lazy, so a file two roots reach at once is still read and parsed once.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<(HclFile File, string? Error)>> _late = new(StringComparer.Ordinal);
    private readonly List<LintDiagnostic> _diagnostics = [];
    private readonly string _scanRoot;

    private TerraformProject(string scanRoot) => _scanRoot = scanRoot;

    public IReadOnlyList<TerraformResource> Resources { get; private set; } = [];

    /// <summary>The resources of each root module (with its module instances), in root order.</summary>
    public IReadOnlyList<IReadOnlyList<TerraformResource>> ResourcesByRoot { get; private set; } = [];

    public IReadOnlyList<HclFile> Files => _files.Values.Concat(_late.Values.Select(l => l.Value.File)).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();

    public IReadOnlyList<LintDiagnostic> Diagnostics => _diagnostics;

    /// <summary>Notes on what was not evaluated or expanded because a budget or a cycle stopped it (<see cref="LintLimits"/>);
    /// read after the rules ran, since they evaluate too.</summary>
    public IReadOnlyList<LintDiagnostic> EvaluationNotes =>
        _modules.SelectMany(m => m.OverBudgetNotes).Concat(_expansionNotes).Distinct().ToList();

    /// <param name="scanRoot">Files outside this folder are never read by <c>file()</c>.</param>
    /// <param name="directories">Folders holding .tf files.</param>
    /// <param name="varFiles">Extra tfvars files, applied to every root module after terraform.tfvars and *.auto.tfvars.</param>
    public static TerraformProject Load(string scanRoot, IEnumerable<string> directories, IReadOnlyList<string> varFiles)
    {
        var project = new TerraformProject(Path.GetFullPath(scanRoot));
        var dirs = directories.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        project.ParseAll(dirs.SelectMany(d => System.IO.Directory.EnumerateFiles(d, "*.tf")).ToList());
        var called = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dir in dirs)
        {
            foreach (var block in project.FilesIn(dir).SelectMany(f => f.Body.BlocksOfType("module")))
            {
                if (LocalSource(block, dir) is { } child && child != dir)
                {
                    called.Add(child);
                }
            }
        }

        // Each root module (with its module instances) is evaluated on one thread; the roots run on every core and
        // their resources are concatenated in root order, so the result does not depend on the core count.
        var roots = dirs.Where(d => !called.Contains(d)).ToList();
        var perRoot = new List<TerraformResource>[roots.Count];
        Parallel.For(0, roots.Count, i =>
        {
            var root = roots[i];
            var inputs = new Dictionary<string, (HclExpr, HclScope)>(StringComparer.Ordinal);
            var tfvars = new List<string>();
            var defaults = Path.Combine(root, "terraform.tfvars");
            if (File.Exists(defaults))
            {
                tfvars.Add(defaults);
            }

            tfvars.AddRange(System.IO.Directory.EnumerateFiles(root, "*.auto.tfvars").Order(StringComparer.Ordinal));
            tfvars.AddRange(varFiles);
            foreach (var path in tfvars)
            {
                foreach (var attr in project.Parse(path).Body.Attributes)
                {
                    inputs[attr.Name] = (attr.Value, HclScope.Empty);
                }
            }

            var module = new ModuleInstance(root, root, project._scanRoot, "", project.FilesIn(root), inputs);
            var resources = new List<TerraformResource>();
            project.Expand(module, 0, resources, [Berth.Files.FileKinds.RealPath(root)], new InstanceCount());
            perRoot[i] = resources;
        });

        foreach (var (path, late) in project._late.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var (file, error) = late.Value;
            if (error is not null)
            {
                project._diagnostics.Add(new LintDiagnostic(SourceRange.At(path, 1), "cannot read the file: " + error));
            }

            project._diagnostics.AddRange(file.Diagnostics);
        }

        project.ResourcesByRoot = perRoot;
        project.Resources = perRoot.SelectMany(r => r).ToList();
        return project;
    }

    private static string? LocalSource(HclBlock block, string dir) =>
        block.Body.Attribute("source")?.Value is HclTemplate { Parts: [TemplateLiteral lit] }
        && (lit.Text.StartsWith("./", StringComparison.Ordinal) || lit.Text.StartsWith("../", StringComparison.Ordinal))
            ? Path.GetFullPath(Path.Combine(dir, lit.Text))
            : null;

    /// <summary>Parses the files on every core up front; the results are keyed by path, so the order stays deterministic.</summary>
    private void ParseAll(List<string> paths)
    {
        var parsed = new System.Collections.Concurrent.ConcurrentDictionary<string, (HclFile File, string? Error)>(StringComparer.Ordinal);
        Parallel.ForEach(paths, path =>
        {
            try
            {
                parsed[path] = (HclParser.Parse(path, Berth.Files.InputFile.ReadAllText(path, LintLimits.MaxFileBytes)), null);
            }
            catch (IOException e)
            {
                parsed[path] = (HclParser.Parse(path, ""), e is Berth.Files.InputFileException f ? f.Reason : e.Message);
            }
        });
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            var (file, error) = parsed[path];
            if (error is not null)
            {
                _diagnostics.Add(new LintDiagnostic(SourceRange.At(path, 1), "cannot read the file: " + error));
            }

            _diagnostics.AddRange(file.Diagnostics);
            _files[path] = file;
        }
    }

    /// <summary>A file parsed up front, or one read now (thread-safe: roots expand in parallel; each file is parsed once).</summary>
    private HclFile Parse(string path) =>
        _files.TryGetValue(path, out var file) ? file : _late.GetOrAdd(path, p => new(() => ReadAndParse(p))).Value.File;

    private static (HclFile File, string? Error) ReadAndParse(string path)
    {
        try
        {
            return (HclParser.Parse(path, Berth.Files.InputFile.ReadAllText(path, LintLimits.MaxFileBytes)), null);
        }
        catch (IOException e)
        {
            return (HclParser.Parse(path, ""), e is Berth.Files.InputFileException f ? f.Reason : e.Message);
        }
    }

    private List<HclFile> FilesIn(string dir) =>
        System.IO.Directory.Exists(dir)
            ? System.IO.Directory.EnumerateFiles(dir, "*.tf").Order(StringComparer.Ordinal).Select(Parse).ToList()
            : [];

    /// <summary>Module instances made under one root so far.</summary>
    private sealed class InstanceCount
    {
        public int Made { get; set; }

        public bool Reported { get; set; }
    }

    /// <summary>Adds the module's resources (each count/for_each instance) and expands the local modules it calls.</summary>
    /// <param name="module">The module instance.</param>
    /// <param name="depth">How many module calls led here.</param>
    /// <param name="into">The root's resources.</param>
    /// <param name="chain">The real folders of the module and its callers, to catch a module that calls itself.</param>
    /// <param name="count">Module instances made under the root so far.</param>
    private void Expand(ModuleInstance module, int depth, List<TerraformResource> into, IReadOnlyList<string> chain, InstanceCount count)
    {
        _modules.Add(module);
        foreach (var file in module.Files)
        {
            foreach (var block in file.Body.Blocks)
            {
                if (block.Type is "resource" or "data" && block.Labels is [var type, var name])
                {
                    var prefix = module.AddressPrefix + (block.Type == "data" ? "data." : "") + type + "." + name;
                    foreach (var (suffix, scope) in ExpandInstances(block.Body, module.RootScope))
                    {
                        var resource = new TerraformResource(block.Type, type, name, prefix + suffix, new BlockView(type, block.Body, scope, block.Range), module);
                        module.Resources.Add(resource);
                        into.Add(resource);
                    }
                }
                else if (block.Type == "module" && block.Labels is [var moduleName] && depth < MaxModuleDepth
                    && LocalSource(block, module.Directory) is { } childDir && System.IO.Directory.Exists(childDir))
                {
                    var real = Berth.Files.FileKinds.RealPath(childDir);
                    if (chain.Contains(real, StringComparer.Ordinal))
                    {
                        // Terraform refuses this too ("module ... calls itself"); expanding it would never end.
                        var loop = chain.SkipWhile(d => d != real).Append(real).Select(d => Path.GetRelativePath(_scanRoot, d).Replace('\\', '/'));
                        _expansionNotes.Add(new LintDiagnostic(block.Body.Attribute("source")?.Range ?? block.Range,
                            $"module source cycle: {string.Join(" → ", loop)}; module.{moduleName} is not expanded"));
                        continue;
                    }

                    foreach (var (suffix, scope) in ExpandInstances(block.Body, module.RootScope))
                    {
                        if (++count.Made > LintLimits.MaxModuleInstances)
                        {
                            if (!count.Reported)
                            {
                                count.Reported = true;
                                _expansionNotes.Add(new LintDiagnostic(block.Range, string.Create(CultureInfo.InvariantCulture,
                                    $"more than {LintLimits.MaxModuleInstances} module instances under this root module; module.{moduleName} and the calls after it are not expanded")));
                            }

                            break;
                        }

                        var inputs = new Dictionary<string, (HclExpr, HclScope)>(StringComparer.Ordinal);
                        foreach (var attr in block.Body.Attributes)
                        {
                            if (attr.Name is not ("source" or "version" or "count" or "for_each" or "providers" or "depends_on"))
                            {
                                inputs[attr.Name] = (attr.Value, scope);
                            }
                        }

                        var child = new ModuleInstance(childDir, module.RootDirectory, _scanRoot, module.AddressPrefix + "module." + moduleName + suffix + ".", FilesIn(childDir), inputs, module);
                        Expand(child, depth + 1, into, [.. chain, real], count);
                    }
                }
            }
        }
    }

    /// <summary>count and for_each: one scope per instance, with its address suffix.</summary>
    private static IEnumerable<(string Suffix, HclScope Scope)> ExpandInstances(HclBody body, HclScope scope)
    {
        if (body.Attribute("count") is { } countAttr)
        {
            var count = HclEvaluator.Evaluate(countAttr.Value, scope);
            if (HclValue.AsNumber(count) is { } n)
            {
                for (var i = 0; i < Math.Min(n, MaxInstances); i++)
                {
                    var index = new HclDictionary();
                    index.Set("index", (decimal)i);
                    yield return (string.Create(CultureInfo.InvariantCulture, $"[{i}]"), scope.With("count", index));
                }
            }
            else
            {
                var index = new HclDictionary();
                index.Set("index", Unknown.Value);
                yield return ("[*]", scope.With("count", index));
            }

            yield break;
        }

        if (body.Attribute("for_each") is { } forEachAttr)
        {
            var forEach = HclEvaluator.Evaluate(forEachAttr.Value, scope);
            foreach (var (key, value) in Instances.Pairs(forEach).Take(MaxInstances))
            {
                var each = new HclDictionary();
                var keyText = forEach is HclDictionary ? key : value;
                each.Set("key", keyText);
                each.Set("value", value);
                var suffix = HclValue.AsString(keyText) is { } k ? "[\"" + k + "\"]" : "[*]";
                yield return (suffix, scope.With("each", each));
            }

            yield break;
        }

        yield return ("", scope);
    }
}
