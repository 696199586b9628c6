using System.Data;
using System.Globalization;
using Dapper;

namespace Consultation.Web.Infrastructure.Database;

/// <summary>
/// SQLite has no uuid or timestamp types: Microsoft.Data.Sqlite writes both as TEXT, and PostgreSQL returns timestamptz
/// as a UTC DateTime. These handlers let the same records read from either engine.
/// </summary>
public static class DapperTypeHandlers
{
    static int registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1)
        {
            return;
        }
        SqlMapper.AddTypeHandler(new GuidHandler());
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
    }

    /// <summary>Dapper bypasses type handlers for single-column scalars, so scalar reads convert here.</summary>
    public static T? ConvertScalar<T>(object? value)
    {
        if (value is null or DBNull)
        {
            return default;
        }
        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (target == typeof(Guid))
        {
            return (T)(object)GuidHandler.Read(value);
        }
        if (target == typeof(DateTimeOffset))
        {
            return (T)(object)DateTimeOffsetHandler.Read(value);
        }
        if (target == typeof(bool))
        {
            return (T)(object)Convert.ToBoolean(value, CultureInfo.InvariantCulture);
        }
        return (T)Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
    }

    sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public static Guid Read(object value) => value is string text ? Guid.Parse(text) : (Guid)value;

        public override Guid Parse(object value) => Read(value);

        public override void SetValue(IDbDataParameter parameter, Guid value) => parameter.Value = value;
    }

    sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public static DateTimeOffset Read(object value) => value switch
        {
            string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
            _ => (DateTimeOffset)value,
        };

        public override DateTimeOffset Parse(object value) => Read(value);

        // PostgreSQL timestamptz accepts only UTC offsets; everything the platform stores is UTC anyway.
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) => parameter.Value = value.ToUniversalTime();
    }
}
