package org.outpost.protocol;

import java.util.List;

/** The wire protocol's version, paths and limits; docs/protocol.md explains each. */
public final class Protocol {

	/** The protocol version this build speaks: 2 adds {@link #CHANGED}. */
	public static final int VERSION = 2;
	/** The first version with {@link #CHANGED}. */
	public static final int CHANGED_SINCE = 2;

	/** Every protocol version this build can serve, oldest first. */
	public static final List<Integer> SUPPORTED_VERSIONS = List.of(1, VERSION);

	public static final String BASE_PATH = "/api/v1";
	public static final String HELLO = BASE_PATH + "/hello";
	public static final String LOGIN = BASE_PATH + "/login";
	public static final String CHANGES = BASE_PATH + "/changes";
	public static final String PUSH = BASE_PATH + "/push";
	/** Which categories have anything to pull after the device's cursors, in one request (protocol 2). */
	public static final String CHANGED = BASE_PATH + "/changed";
	/** Most categories one {@link #CHANGED} request may name. */
	public static final int MAX_CHANGED_CATEGORIES = 100;
	/** Web-side record edits by a user with the {@value #SERVER_EDIT} permission. */
	public static final String ADMIN_RECORDS = BASE_PATH + "/admin/records";
	/** Document blobs by SHA-256: {@code GET|PUT /api/v1/blobs/<sha256>} and {@code GET /api/v1/blobs/<sha256>/upload}. */
	public static final String BLOBS = BASE_PATH + "/blobs";
	/** The last path segment of a blob's upload status. */
	public static final String BLOB_UPLOAD = "upload";
	public static final String HEALTH = "/health";
	public static final String METRICS = "/metrics";

	/** Request header and hello query parameter carrying the client's application version. */
	public static final String CLIENT_VERSION_HEADER = "X-Outpost-Version";
	public static final String CLIENT_VERSION_PARAMETER = "clientVersion";
	/** Optional request header: the protocol version the client speaks (absent: {@link #VERSION}). */
	public static final String PROTOCOL_HEADER = "X-Outpost-Protocol";

	/** Largest request body the server reads, after gzip decoding. */
	public static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;
	/** Largest JSON body of one record, as serialised. */
	public static final int MAX_RECORD_BODY_CHARS = 64 * 1024;
	/** Most mutations in one push. */
	public static final int MAX_MUTATIONS_PER_PUSH = 500;
	/**
	 * Most records in one change page (hello's {@code maxPageSize}): a device that starts empty
	 * commits a page with its cursor, so larger pages mean fewer synced commits.
	 */
	public static final int MAX_PAGE_SIZE = 2000;
	/** Most records in one change page for a server whose hello does not say (before {@code maxPageSize}). */
	public static final int OLDER_MAX_PAGE_SIZE = 1000;
	/** The page size when the client names none. */
	public static final int DEFAULT_PAGE_SIZE = 200;
	/** Most revisions a change request may name as held by the device already ({@code heldRevisions}). */
	public static final int MAX_HELD_REVISIONS = 1000;

	/** Largest blob chunk one PUT may carry. */
	public static final int MAX_BLOB_CHUNK_BYTES = 4 * 1024 * 1024;
	/** The server's blob size limit when its configuration names none (100 MiB). */
	public static final long DEFAULT_MAX_BLOB_BYTES = 100L * 1024 * 1024;
	/** Query parameters of a blob chunk PUT: where the chunk starts and the blob's whole size. */
	public static final String BLOB_OFFSET_PARAMETER = "offset";
	public static final String BLOB_SIZE_PARAMETER = "size";

	public static final String JSON = "application/json";
	/** The media type of blob bytes, both ways. */
	public static final String OCTET_STREAM = "application/octet-stream";

	/** The permission to edit any record on the web side through {@link #ADMIN_RECORDS}. */
	public static final String SERVER_EDIT = "server.edit";

	private Protocol() {
	}
}
