package org.outpost.server.internal.store;

import org.outpost.protocol.Protocol;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * One uploaded piece of a blob, as a database row so that every server instance on the database
 * serves it. Chunks of one blob are contiguous: each starts where the one before it ended. The
 * bytes are a plain binary column (HSQLDB VARBINARY in its cached rows, PostgreSQL bytea), not a
 * LOB: HSQLDB's separate LOB store made reading a chunk many times slower (docs/benchmarks.md).
 */
@Entity
@Table(name = "OP_BLOB_PART", indexes = @Index(name = "OP_BLOB_PART_BLOB", columnList = "SHA256,START_OFFSET"))
public class BlobChunk {

	/** {@code <sha256>:<start offset>}. */
	@Id
	@Column(name = "ID", length = 90)
	private String id;

	@Column(name = "SHA256", length = 64, nullable = false)
	private String sha256;

	@Column(name = "START_OFFSET", nullable = false)
	private long start;

	@Column(name = "LENGTH_BYTES", nullable = false)
	private int length;

	@Column(name = "BYTES", length = Protocol.MAX_BLOB_CHUNK_BYTES, nullable = false)
	private byte[] data;

	protected BlobChunk() {
	}

	public BlobChunk(String sha256, long start, byte[] data) {
		this.id = idOf(sha256, start);
		this.sha256 = sha256;
		this.start = start;
		this.length = data.length;
		this.data = data;
	}

	/** The row id of the chunk of {@code sha256} that starts at {@code start}. */
	public static String idOf(String sha256, long start) {
		return sha256 + ":" + start;
	}

	public long getStart() {
		return start;
	}

	public int getLength() {
		return length;
	}

	public byte[] getData() {
		return data;
	}
}
