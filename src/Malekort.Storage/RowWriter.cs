namespace Malekort.Storage;

/// <summary>
/// Writes many rows into one table inside the current transaction, as fast as the database allows
/// (SQLite: one prepared statement; PostgreSQL: binary COPY). Values are added in column order, then <see cref="EndRow"/>.
/// </summary>
internal abstract class RowWriter : IDisposable
{
    public abstract void Add(long value);

    public abstract void Add(string value);

    public abstract void Add(byte[] value);

    public abstract void AddNull();

    public abstract void EndRow();

    /// <summary>Finishes the load; rows are not stored until this is called.</summary>
    public abstract void Complete();

    public void Add(long? value)
    {
        if (value is { } v) Add(v);
        else AddNull();
    }

    public void AddNullable(string? value)
    {
        if (value is null) AddNull();
        else Add(value);
    }

    public void Add(bool? value)
    {
        if (value is { } v) Add(v ? 1L : 0L);
        else AddNull();
    }

    public virtual void Dispose() => GC.SuppressFinalize(this);
}
