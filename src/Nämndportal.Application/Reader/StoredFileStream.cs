using Nämndportal.Application.Common;

namespace Nämndportal.Application.Reader;

/// <summary>
/// A stored file (<c>file_blobs</c>) read by ranges: seekable and read-only, it fetches from the database only the bytes
/// asked for (at least 64 KiB at a time), each fetch with a context of its own. So a range request for the first page of a
/// 200-page handling reads a few chunks, not the whole file, and the response can be written after the handler's context
/// is gone.
/// </summary>
internal sealed class StoredFileStream(IAppDbContextFactory dbFactory, string sha256, long length) : Stream
{
    private const int MinimumFetch = 64 * 1024;

    private long _position;
    private long _bufferStart;
    private byte[] _buffer = [];

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = value is >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        SeekOrigin.End => length + offset,
        _ => throw new ArgumentOutOfRangeException(nameof(origin)),
    };

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= length || buffer.Length == 0)
        {
            return 0;
        }

        if (_position < _bufferStart || _position >= _bufferStart + _buffer.Length)
        {
            var count = (int)Math.Min(Math.Max(buffer.Length, MinimumFetch), length - _position);
            await using var db = await dbFactory.CreateAsync(cancellationToken);
            _buffer = await db.ReadFileBlobRangeAsync(sha256, _position, count, cancellationToken);
            _bufferStart = _position;
            if (_buffer.Length == 0)
            {
                throw new IOException("The stored file is shorter than its recorded length.");
            }
        }

        var available = (int)Math.Min(buffer.Length, _bufferStart + _buffer.Length - _position);
        _buffer.AsSpan((int)(_position - _bufferStart), available).CopyTo(buffer.Span);
        _position += available;
        return available;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
