using System.Globalization;
using Berth.Linting.Hcl;

namespace Berth.Linting.Terraform;

/// <summary>One instance of a resource or data source, evaluated in its module instance.</summary>
/// <remarks><see cref="Key"/> is the instance key: <c>count.index</c> or <c>each.key</c>; null for a single instance;
/// unknown when count or for_each cannot be known.</remarks>
public sealed record TerraformResource(string Mode, string Type, string Name, string Address, BlockView View, ModuleInstance Module, object? Key = null)
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
    private readonly Dictionary<string, HclBlock> _outputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object?> _outputValues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HclBlock> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ModuleCall> _callInstances = new(StringComparer.Ordinal);
    private readonly Func<ModuleInstance, HclBlock, ModuleCall> _expandCall;

    private readonly object _gate;

    /// <summary>The instance whose module call made this one; null for a root.</summary>
    public ModuleInstance? Caller { get; }

    /// <summary>Expressions that went past an evaluation budget, reported once each (guarded by the gate).</summary>
    private readonly HashSet<LintDiagnostic> _overBudget = [];

    /// <remarks><paramref name="key"/> is the module path as <c>.terraform/modules/modules.json</c> keys it ("" for a
    /// root, "eks.eks_managed_node_group" for a call inside a call); <paramref name="expandCall"/> reads a module call
    /// of this instance (its folder, its instances).</remarks>
    public ModuleInstance(string directory, string rootDirectory, string scanRoot, string addressPrefix, string key, int depth, IReadOnlyList<HclFile> files, Dictionary<string, (HclExpr Expr, HclScope Scope)> inputs, Func<ModuleInstance, HclBlock, ModuleCall> expandCall, ModuleInstance? caller = null)
    {
        _gate = caller?._gate ?? new object();
        Caller = caller;
        Directory = directory;
        RootDirectory = rootDirectory;
        ScanRoot = scanRoot;
        AddressPrefix = addressPrefix;
        Key = key;
        Depth = depth;
        Files = files;
        _inputs = inputs;
        _expandCall = expandCall;
        RootScope = new HclScope(this);
        foreach (var block in files.SelectMany(f => f.Body.Blocks))
        {
            if (block.Type == "variable" && block.Labels is [var name])
            {
                _variables.TryAdd(name, block);
            }
            else if (block.Type == "output" && block.Labels is [var output])
            {
                _outputs.TryAdd(output, block);
            }
            else if (block.Type == "module" && block.Labels is [var call])
            {
                _calls.TryAdd(call, block);
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

    public string Key { get; }

    public int Depth { get; }

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

        if (_variables.TryGetValue(name, out var declared) && declared.Body.Attribute("type") is { } type && !HclValue.IsUnknown(value))
        {
            value = TypeDefaults.Apply(type.Value, value);
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

    /// <summary>A module call of this instance with its instances, read once.</summary>
    public ModuleCall? Call(string name)
    {
        lock (_gate)
        {
            if (!_calls.TryGetValue(name, out var block))
            {
                return null;
            }

            if (!_callInstances.TryGetValue(name, out var call))
            {
                call = _expandCall(this, block);
                _callInstances[name] = call;
            }

            return call;
        }
    }

    /// <summary>The module calls of this instance, in source order.</summary>
    public IEnumerable<ModuleCall> Calls() =>
        Files.SelectMany(f => f.Body.Blocks).Where(b => b.Type == "module" && b.Labels.Count == 1).Select(b => b.Labels[0]).Distinct(StringComparer.Ordinal).Select(n => Call(n)).OfType<ModuleCall>();

    /// <summary>
    /// <c>module.NAME</c> as Terraform sees it: an object of outputs; a list of them with count, a map with for_each;
    /// unknown when the module is not read or its instances are not known.
    /// </summary>
    public object? Module(string name)
    {
        if (Call(name) is not { } call)
        {
            return EvalError.Value;
        }

        if (call.Problem is not null || call.Instances.Any(i => HclValue.IsUnknown(i.Key)))
        {
            return Unknown.Value;
        }

        if (call.Block.Body.Attribute("count") is not null)
        {
            return call.Instances.Select(i => (object?)i.Instance.Outputs).ToList();
        }

        if (call.Block.Body.Attribute("for_each") is not null)
        {
            var map = new HclDictionary();
            foreach (var instance in call.Instances)
            {
                map.Set(HclValue.AsString(instance.Key) ?? "", instance.Instance.Outputs);
            }

            return map;
        }

        return call.Instances is [var only] ? only.Instance.Outputs : Unknown.Value;
    }

    /// <summary>This instance's outputs, each evaluated when first read.</summary>
    public LazyObject Outputs => new(Output);

    public object? Output(string name)
    {
        lock (_gate)
        {
            if (_outputValues.TryGetValue(name, out var cached))
            {
                return cached;
            }

            if (!_outputs.TryGetValue(name, out var block))
            {
                return EvalError.Value;
            }

            if (block.Body.Attribute("value") is not { } attr || !_evaluating.Add("output." + name))
            {
                return Unknown.Value;
            }

            var value = HclEvaluator.Evaluate(attr.Value, RootScope);
            _evaluating.Remove("output." + name);
            _outputValues[name] = value;
            return value;
        }
    }

    /// <summary>The expression of an output with its scope, to follow a value back to where it is written.</summary>
    private (HclExpr Expr, HclScope Scope)? OutputExpr(string name) =>
        _outputs.TryGetValue(name, out var block) && block.Body.Attribute("value") is { } attr ? (attr.Value, RootScope) : null;

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

            if (scope.Context is ModuleInstance caller && ModuleOutput(expr, scope, caller) is { } output)
            {
                (expr, scope) = output;
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

    /// <summary><c>module.x.out</c>, <c>module.x[0].out</c>, <c>module.x["k"].out</c>: the output's expression in the instance.</summary>
    private static (HclExpr Expr, HclScope Scope)? ModuleOutput(HclExpr expr, HclScope scope, ModuleInstance caller)
    {
        if (expr is not HclGetAttr { Name: var output } g || scope.TryLookup("module", out _))
        {
            return null;
        }

        var (callExpr, keyExpr) = g.Source switch
        {
            HclIndex { Source: HclGetAttr { Source: HclVariable { Name: "module" } } c } i => (c, i.Key),
            HclGetAttr { Source: HclVariable { Name: "module" } } c => (c, (HclExpr?)null),
            _ => (null, null),
        };
        if (callExpr is null || caller.Call(callExpr.Name) is not { Problem: null } call)
        {
            return null;
        }

        ModuleChild? instance;
        if (keyExpr is null)
        {
            instance = call.Instances is [var only] && only.Key is null ? only : null;
        }
        else
        {
            var key = HclEvaluator.Evaluate(keyExpr, scope);
            instance = call.Instances.FirstOrDefault(i => HclValue.Equal(i.Key, key) || (HclValue.AsString(i.Key) is { } a && a == HclValue.AsString(key)));
        }

        return instance?.Instance.OutputExpr(output);
    }
}

/// <summary>One instance of a module call: its address suffix (<c>[0]</c>, <c>["a"]</c> or empty), key and module instance.</summary>
public sealed record ModuleChild(string Suffix, object? Key, ModuleInstance Instance, HclScope CallScope);

/// <summary>A module call as a rule sees it: its inputs in the caller's scope (the first instance's), and whether it was read.</summary>
public sealed record ModuleCallSite(string Address, string Source, BlockView View, bool Read);

/// <summary>A module call as read: its instances, or why it could not be read (then it has none).</summary>
public sealed record ModuleCall(string Name, HclBlock Block, IReadOnlyList<ModuleChild> Instances, string? Problem);

/// <summary>
/// Finds root modules among the scanned folders, evaluates them with their tfvars and expands their module calls the
/// way Terraform does: local sources from the caller's folder, and registry or git sources from
/// <c>.terraform/modules/modules.json</c> where <c>terraform init</c> has run (as Checkov and Trivy read it). A call
/// that cannot be read leaves one note naming it.
/// </summary>
public sealed class TerraformProject
{
    private const int MaxModuleDepth = LintLimits.MaxModuleDepth;
    private const int MaxInstances = LintLimits.MaxInstancesPerBlock;

    /// <summary>Every module instance kept, for the notes of expressions that went past a budget.</summary>
    private readonly System.Collections.Concurrent.ConcurrentBag<ModuleInstance> _modules = [];

    /// <summary>Streaming: those notes of each root, taken when its rules had run.</summary>
    private readonly System.Collections.Concurrent.ConcurrentBag<LintDiagnostic> _rootNotes = [];

    /// <summary>False when streaming: no tree outlives its root, and <see cref="Resources"/> stays empty.</summary>
    private readonly bool _retain;

    /// <summary>What is kept of every file read, whether or not its tree is.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, FileFacts> _facts = new(StringComparer.Ordinal);

    /// <summary>Streaming: the files each root being read has parsed (a module called twice is parsed once per root),
    /// touched only by the thread reading that root.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Dictionary<string, HclFile>> _rootFiles = new(StringComparer.Ordinal);

    private sealed record FileFacts(bool MentionsSuppression, IReadOnlyList<LintDiagnostic> Diagnostics, string? Error);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, HclFile> _files = new(StringComparer.Ordinal);

    /// <summary>Files read while expanding (tfvars, modules outside the scanned folders); lazy, so a file two roots
    /// reach at once is still read and parsed once.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<HclFile>> _late = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<ModuleManifest>> _manifests = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentBag<LintDiagnostic> _moduleNotes = [];
    private readonly List<LintDiagnostic> _diagnostics = [];
    private readonly string _scanRoot;

    /// <summary>The names and short literals of every file parsed, one copy each.</summary>
    private readonly HclStringPool _pool = new();

    private TerraformProject(string scanRoot, bool retain)
    {
        _scanRoot = scanRoot;
        _retain = retain;
    }

    public IReadOnlyList<TerraformResource> Resources { get; private set; } = [];

    /// <summary>The root module folders, in the order their resources are in <see cref="Resources"/> (and streamed).</summary>
    public IReadOnlyList<string> Roots { get; private set; } = [];

    /// <summary>How many Terraform files (and tfvars) were read.</summary>
    public int FileCount => _facts.Count;

    /// <summary>The files read whose text has no suppression comment.</summary>
    public IEnumerable<string> WithoutSuppressions => _facts.Where(f => !f.Value.MentionsSuppression).Select(f => f.Key);

    public IReadOnlyList<LintDiagnostic> Diagnostics => _diagnostics;

    /// <summary>The module calls that could not be read (not initialised, a cycle, too deep), also among <see cref="Diagnostics"/>.</summary>
    public IReadOnlyList<LintDiagnostic> ModuleNotes => _moduleNotes.Distinct().OrderBy(d => d, LintDiagnostic.ByPlace).ToList();

    /// <summary>Notes on what was not evaluated or expanded because a budget or a cycle stopped it (<see cref="LintLimits"/>);
    /// read after the rules ran, since they evaluate too.</summary>
    public IReadOnlyList<LintDiagnostic> EvaluationNotes =>
        _modules.SelectMany(m => m.OverBudgetNotes).Concat(_rootNotes).Distinct().ToList();

    /// <param name="scanRoot">Files outside this folder are never read by <c>file()</c>.</param>
    /// <param name="directories">Folders holding .tf or .tf.json files.</param>
    /// <param name="varFiles">Extra tfvars files, applied to every root module after terraform.tfvars and *.auto.tfvars.</param>
    public static TerraformProject Load(string scanRoot, IEnumerable<string> directories, IReadOnlyList<string> varFiles) =>
        Read(scanRoot, directories, varFiles, null);

    /// <summary>
    /// What <see cref="Load"/> reads, but no tree outlives its root: each root module is parsed with the modules it
    /// calls, expanded and handed to <paramref name="visit"/> (with its index in root order and its module calls) on
    /// the thread that read it, then let go. A large tree of platforms is linted in the memory of a few roots, and the
    /// garbage collector never has to move every tree through its generations. <see cref="Resources"/> stays empty;
    /// <see cref="FileCount"/>, <see cref="Diagnostics"/> and the notes are complete.
    /// </summary>
    public static TerraformProject Stream(string scanRoot, IEnumerable<string> directories, IReadOnlyList<string> varFiles, Action<int, IReadOnlyList<TerraformResource>, IReadOnlyList<ModuleCallSite>> visit) =>
        Read(scanRoot, directories, varFiles, visit);

    private static TerraformProject Read(string scanRoot, IEnumerable<string> directories, IReadOnlyList<string> varFiles, Action<int, IReadOnlyList<TerraformResource>, IReadOnlyList<ModuleCallSite>>? visit)
    {
        var project = new TerraformProject(Path.GetFullPath(scanRoot), retain: visit is null);
        var dirs = directories.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var scanned = dirs.SelectMany(project.TerraformFiles).ToList();
        if (visit is null)
        {
            project.ParseAll(scanned);
        }

        // A folder another scanned folder calls as a local module is not a root. Streaming, only a file that says
        // "module" can hold a module block, so only those are parsed here (and again with their root).
        var called = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        Parallel.ForEach(visit is null ? scanned : scanned.Where(MayCallModules), path =>
        {
            var dir = Path.GetDirectoryName(path)!;
            foreach (var block in project.Parse(path, null).Body.BlocksOfType("module"))
            {
                if (LocalSource(block, dir) is { } child && child != dir)
                {
                    called.TryAdd(child, true);
                }
            }
        });

        // Each root module (with its module instances) is evaluated on one thread; the roots run on every core and
        // their resources are concatenated in root order, so the result does not depend on the core count.
        var roots = dirs.Where(d => !called.ContainsKey(d)).ToList();
        var perRoot = new List<TerraformResource>[roots.Count];
        Parallel.For(0, roots.Count, i =>
        {
            var root = roots[i];
            if (visit is not null)
            {
                project._rootFiles[root] = new Dictionary<string, HclFile>(StringComparer.Ordinal);
            }

            var modules = new List<ModuleInstance>();
            var (resources, calls) = project.ExpandRoot(root, varFiles, modules);
            if (visit is null)
            {
                perRoot[i] = resources;
                foreach (var module in modules)
                {
                    project._modules.Add(module);
                }

                return;
            }

            visit(i, resources, calls);
            foreach (var note in modules.SelectMany(m => m.OverBudgetNotes))
            {
                project._rootNotes.Add(note);
            }

            project._rootFiles.TryRemove(root, out _);
            perRoot[i] = [];
        });

        // A scanned file no root reached (its folder is called only from a cycle, or past the module depth) is still read:
        // its problems are reported and it counts as scanned, as when every file is parsed up front.
        foreach (var path in scanned.Where(p => !project._facts.ContainsKey(p)))
        {
            project.Parse(path, null);
        }

        foreach (var (path, facts) in project._facts.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (facts.Error is not null)
            {
                project._diagnostics.Add(new LintDiagnostic(SourceRange.At(path, 1), "cannot read the file: " + facts.Error));
            }

            project._diagnostics.AddRange(facts.Diagnostics);
        }

        foreach (var (path, manifest) in project._manifests.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (manifest.Value.Problem is { } problem)
            {
                project._diagnostics.Add(new LintDiagnostic(SourceRange.At(path, 1), problem));
            }
        }

        project._diagnostics.AddRange(project._moduleNotes.Distinct().OrderBy(d => d, LintDiagnostic.ByPlace));
        project.Roots = roots;
        project.Resources = perRoot.SelectMany(r => r).ToList();
        return project;
    }

    /// <summary>Whether a file may hold a module block: a .tf.json file, or any file whose bytes say "module" (one
    /// that cannot be read is parsed, so its error is reported).</summary>
    private static bool MayCallModules(string path)
    {
        if (path.EndsWith(".tf.json", StringComparison.Ordinal))
        {
            return true;
        }

        try
        {
            return Berth.Files.InputFile.ReadAllBytes(path, LintLimits.MaxFileBytes).AsSpan().IndexOf("module"u8) >= 0;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>A root module with its tfvars, its resources and the module calls it makes, expanded.</summary>
    private (List<TerraformResource> Resources, List<ModuleCallSite> Calls) ExpandRoot(string root, IReadOnlyList<string> varFiles, List<ModuleInstance> modules)
    {
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
            foreach (var attr in Parse(path, root).Body.Attributes)
            {
                inputs[attr.Name] = (attr.Value, HclScope.Empty);
            }
        }

        var module = new ModuleInstance(root, root, _scanRoot, "", "", 0, FilesIn(root, root), inputs, ReadCall);
        var resources = new List<TerraformResource>();
        var calls = new List<ModuleCallSite>();
        Expand(module, resources, calls, modules);
        return (resources, calls);
    }

    /// <summary>Folder listings, each made once: a module folder is listed again by every call of it.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> _listings = new(StringComparer.Ordinal);

    /// <summary>A folder's .tf and .tf.json files in ordinal order (one pass over the folder).</summary>
    private string[] TerraformFiles(string dir) => _listings.GetOrAdd(dir, static d => System.IO.Directory.EnumerateFiles(d)
        .Where(f => f.EndsWith(".tf", StringComparison.Ordinal) || f.EndsWith(".tf.json", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal).ToArray());

    private static string? SourceText(HclBlock block) =>
        (block.Body.Attribute("source")?.Value as HclTemplate)?.LiteralText;

    private static string? LocalSource(HclBlock block, string dir) =>
        SourceText(block) is { } text && (text.StartsWith("./", StringComparison.Ordinal) || text.StartsWith("../", StringComparison.Ordinal))
            ? Path.GetFullPath(Path.Combine(dir, text))
            : null;

    /// <summary>Parses the files on every core up front; the results are keyed by path, so the order stays deterministic.</summary>
    private void ParseAll(List<string> paths) =>
        Parallel.ForEach(paths, path => _files[path] = ReadAndParse(path));

    /// <summary>
    /// A file's tree. Kept (<see cref="Load"/>): parsed up front or now, once (thread-safe: roots expand in parallel).
    /// Streaming: parsed once for the <paramref name="root"/> being read, and not kept at all without one.
    /// </summary>
    private HclFile Parse(string path, string? root)
    {
        if (_retain)
        {
            return _files.TryGetValue(path, out var file) ? file : _late.GetOrAdd(path, p => new(() => ReadAndParse(p))).Value;
        }

        var cache = root is null ? null : _rootFiles.GetValueOrDefault(root);
        if (cache is not null && cache.TryGetValue(path, out var parsed))
        {
            return parsed;
        }

        parsed = ReadAndParse(path);
        cache?.Add(path, parsed);
        return parsed;
    }

    /// <summary>Reads and parses a file, keeping its facts (its problems, whether it has suppressions) the first time.</summary>
    private HclFile ReadAndParse(string path)
    {
        string text;
        HclFile file;
        string? error = null;
        try
        {
            text = Berth.Files.InputFile.ReadAllText(path, LintLimits.MaxFileBytes);
            file = path.EndsWith(".tf.json", StringComparison.Ordinal) ? TerraformJson.Parse(path, text) : HclParser.Parse(path, text, _pool);
        }
        catch (IOException e)
        {
            error = e is Berth.Files.InputFileException f ? f.Reason : e.Message;
            file = HclParser.Parse(path, "", _pool);
        }

        _facts.TryAdd(path, new FileFacts(file.MentionsSuppression, file.Diagnostics, error));
        return file;
    }

    /// <summary>Module instances made under each root so far, and whether the budget's note was given.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _instancesMade = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _instanceBudgetReported = new(StringComparer.Ordinal);

    /// <summary>"a → b → a" when <paramref name="dir"/> is already the folder of the caller or one of its callers.</summary>
    private string? Cycle(ModuleInstance caller, string dir)
    {
        var real = RealPath(dir);
        var chain = new List<string>();
        for (var m = caller; m is not null; m = m.Caller)
        {
            chain.Insert(0, RealPath(m.Directory));
        }

        var at = chain.IndexOf(real);
        return at < 0 ? null : string.Join(" → ", chain.Skip(at).Append(real).Select(d => Path.GetRelativePath(_scanRoot, d).Replace('\\', '/')));
    }

    /// <summary>Module folders with links resolved, each resolved once: every call instance asks for its callers' folders.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _realPaths = new(StringComparer.Ordinal);

    private string RealPath(string dir) => _realPaths.GetOrAdd(dir, Berth.Files.FileKinds.RealPath);

    private List<HclFile> FilesIn(string dir, string root) =>
        System.IO.Directory.Exists(dir) ? TerraformFiles(dir).Select(path => Parse(path, root)).ToList() : [];

    /// <summary>Adds the module's resources (each count/for_each instance) and expands the module calls it makes.</summary>
    private static void Expand(ModuleInstance module, List<TerraformResource> into, List<ModuleCallSite> calls, List<ModuleInstance> modules)
    {
        modules.Add(module);
        foreach (var file in module.Files)
        {
            foreach (var block in file.Body.Blocks)
            {
                if (block.Type is "resource" or "data" && block.Labels is [var type, var name])
                {
                    var prefix = module.AddressPrefix + (block.Type == "data" ? "data." : "") + type + "." + name;
                    foreach (var (suffix, key, scope) in ExpandInstances(block.Body, module.RootScope))
                    {
                        var resource = new TerraformResource(block.Type, type, name, prefix + suffix, new BlockView(type, block.Body, scope, block.Range), module, key);
                        module.Resources.Add(resource);
                        into.Add(resource);
                    }
                }
                else if (block.Type == "module" && block.Labels is [var moduleName] && module.Call(moduleName) is { } call && call.Block == block)
                {
                    var scope = call.Instances.Count > 0 ? call.Instances[0].CallScope : module.RootScope;
                    calls.Add(new ModuleCallSite(module.AddressPrefix + "module." + moduleName, SourceText(block) ?? "", new BlockView("module", block.Body, scope, block.Range), call.Problem is null));
                    foreach (var child in call.Instances)
                    {
                        Expand(child.Instance, into, calls, modules);
                    }
                }
            }
        }
    }

    /// <summary>Reads one module call: finds its folder, makes its instances, or leaves a note saying why it cannot.</summary>
    private ModuleCall ReadCall(ModuleInstance caller, HclBlock block)
    {
        var name = block.Labels[0];
        var address = caller.AddressPrefix + "module." + name;
        var key = caller.Key.Length == 0 ? name : caller.Key + "." + name;
        var source = SourceText(block);
        var manifest = Manifest(caller.RootDirectory);
        string? dir = null;
        string? problem = null;
        if (manifest.Dirs.TryGetValue(key, out var installed))
        {
            dir = installed;
        }
        else if (LocalSource(block, caller.Directory) is { } local)
        {
            dir = local;
        }
        else if (source is null)
        {
            problem = "its source is not a literal string";
        }
        else
        {
            problem = manifest.Found
                ? "source \"" + source + "\" is not in .terraform/modules/modules.json (run terraform init again)"
                : "source \"" + source + "\" is not read: run terraform init so that .terraform/modules holds it";
        }

        if (dir is not null && !System.IO.Directory.Exists(dir))
        {
            problem = "its folder " + LintPaths.Relative(caller.RootDirectory, dir) + " does not exist" + (manifest.Dirs.ContainsKey(key) ? " (run terraform init again)" : "");
        }
        else if (dir is not null && caller.Depth >= MaxModuleDepth)
        {
            problem = "it is nested more than " + MaxModuleDepth.ToString(CultureInfo.InvariantCulture) + " modules deep";
        }

        if (problem is null && dir is not null && Cycle(caller, dir) is { } loop)
        {
            // Terraform refuses this too ("module ... calls itself"); expanding it would never end.
            _moduleNotes.Add(new LintDiagnostic(block.Body.Attribute("source")?.Range ?? block.Range,
                $"module source cycle: {loop}; module.{name} is not expanded"));
            return new ModuleCall(name, block, [], "module source cycle: " + loop);
        }

        if (problem is not null)
        {
            _moduleNotes.Add(new LintDiagnostic(SourceRange.At(block.Range.File, block.Range.Line, block.Range.Column), address + ": " + problem + "; what it creates is not checked"));
            return new ModuleCall(name, block, [], problem);
        }

        var files = FilesIn(dir!, caller.RootDirectory);
        var instances = new List<ModuleChild>();
        foreach (var (suffix, instanceKey, scope) in ExpandInstances(block.Body, caller.RootScope))
        {
            if (_instancesMade.AddOrUpdate(caller.RootDirectory, 1, (_, n) => n + 1) > LintLimits.MaxModuleInstances)
            {
                if (_instanceBudgetReported.TryAdd(caller.RootDirectory, true))
                {
                    _moduleNotes.Add(new LintDiagnostic(block.Range, string.Create(CultureInfo.InvariantCulture,
                        $"more than {LintLimits.MaxModuleInstances} module instances under this root module; {address} and the calls after it are not expanded")));
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

            var child = new ModuleInstance(dir!, caller.RootDirectory, _scanRoot, address + suffix + ".", key, caller.Depth + 1, files, inputs, ReadCall, caller);
            instances.Add(new ModuleChild(suffix, instanceKey, child, scope));
        }

        return new ModuleCall(name, block, instances, null);
    }

    private ModuleManifest Manifest(string root) =>
        _manifests.GetOrAdd(Path.Combine(root, ".terraform", "modules", "modules.json"), path => new(() => ModuleManifest.Read(path, root))).Value;

    /// <summary>count and for_each: one scope per instance, with its address suffix and key.</summary>
    private static IEnumerable<(string Suffix, object? Key, HclScope Scope)> ExpandInstances(HclBody body, HclScope scope)
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
                    yield return (string.Create(CultureInfo.InvariantCulture, $"[{i}]"), (decimal)i, scope.With("count", index));
                }
            }
            else
            {
                var index = new HclDictionary();
                index.Set("index", Unknown.Value);
                yield return ("[*]", Unknown.Value, scope.With("count", index));
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
                yield return (suffix, HclValue.AsString(keyText) is { } known ? known : Unknown.Value, scope.With("each", each));
            }

            yield break;
        }

        yield return ("", null, scope);
    }
}

/// <summary>
/// <c>.terraform/modules/modules.json</c> as <c>terraform init</c> writes it (internal/modsdir/manifest.go):
/// <c>{"Modules":[{"Key":"eks","Source":"registry.terraform.io/…","Version":"20.8.4","Dir":".terraform/modules/eks"}]}</c>,
/// the key being the module path joined with dots and Dir relative to the root module (a <c>//subdir</c> included).
/// </summary>
public sealed record ModuleManifest(bool Found, IReadOnlyDictionary<string, string> Dirs, string? Problem)
{
    public static ModuleManifest Read(string path, string root)
    {
        var none = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return new(false, none, null);
        }

        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
            var dirs = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var module in doc.RootElement.GetProperty("Modules").EnumerateArray())
            {
                var key = module.GetProperty("Key").GetString() ?? "";
                var dir = module.GetProperty("Dir").GetString() ?? "";
                if (key.Length > 0 && dir.Length > 0)
                {
                    dirs[key] = Path.GetFullPath(Path.Combine(root, dir));
                }
            }

            return new(true, dirs, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return new(false, none, "cannot read the module manifest: " + e.Message);
        }
    }
}
