using Berth.Linting.Hcl;
using Berth.Linting.Terraform;
using Berth.Spec;

namespace Berth.Importing;

/// <summary>The AWS provider of the root module: its region and its <c>default_tags</c> environment.</summary>
internal static class ProviderSettings
{
    public static Sourced<string>? Region(IReadOnlyList<TerraformResource> resources) =>
        Provider(resources) is { } p && HclValue.AsString(p.Get("region")) is { } region && KnownRegions.All.Contains(region)
            ? new Sourced<string>(region, Provenance.Where(p, "region"))
            : null;

    public static Sourced<DeploymentEnvironment>? Environment(IReadOnlyList<TerraformResource> resources)
    {
        if (Provider(resources)?.Block("default_tags") is not { } tags || tags.Get("tags") is not HclDictionary map)
        {
            return null;
        }

        var key = map.Keys.FirstOrDefault(k => k is "environment" or "Environment" or "env");
        var value = key is null ? null : HclValue.AsString(map[key])?.ToLowerInvariant();
        DeploymentEnvironment? env = value switch
        {
            "production" or "prod" => DeploymentEnvironment.Production,
            "staging" or "stage" => DeploymentEnvironment.Staging,
            "development" or "dev" => DeploymentEnvironment.Development,
            _ => null,
        };
        return env is { } e ? new Sourced<DeploymentEnvironment>(e, map.KeyRange(key!) ?? tags.Range) : null;
    }

    /// <summary>The first <c>provider "aws"</c> block of the root module the resources come from.</summary>
    private static BlockView? Provider(IReadOnlyList<TerraformResource> resources)
    {
        foreach (var resource in resources)
        {
            var root = resource.Module;
            while (root.Caller is { } caller)
            {
                root = caller;
            }

            var block = root.Files.SelectMany(f => f.Body.Blocks).FirstOrDefault(b => b.Type == "provider" && b.Labels is ["aws"]);
            if (block is not null)
            {
                return new BlockView("provider", block.Body, root.RootScope, block.Range);
            }
        }

        return null;
    }
}
