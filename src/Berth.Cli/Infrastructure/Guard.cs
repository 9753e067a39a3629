using Berth.Catalog;
using Berth.Costing;

namespace Berth.Cli.Infrastructure;

/// <summary>Turns the library's bad-input exceptions into exit code 2.</summary>
public static class Guard
{
    public static T Catalog<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (CatalogException e)
        {
            throw new UserErrorException(e.Message, e);
        }
    }

    public static T Costing<T>(Func<T> action)
    {
        try
        {
            return Catalog(action);
        }
        catch (CostingException e)
        {
            throw new UserErrorException(e.Message, e);
        }
    }
}
