package org.outpost.documents;

import java.util.Map;
import java.util.Objects;

import org.outpost.core.record.FieldReader;
import org.outpost.core.record.FieldValues;
import org.outpost.core.record.SyncedRecord;
import org.outpost.core.record.Syncable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A file attached to a record (a photo of a finding, a permit on an obligation): its metadata; the
 * bytes are in the {@link BlobStore} under their SHA-256.
 */
@Entity(name = "Document")
@Table(name = "OUTPOST_DOCUMENT", indexes = @Index(name = "OUTPOST_DOCUMENT_OWNER", columnList = "OWNER_TYPE,OWNER_ID"))
public class Document extends SyncedRecord implements Syncable {

	/** The owner's wire type, e.g. {@code finding}. */
	@Column(name = "OWNER_TYPE", nullable = false, length = 40)
	private String ownerType;

	@Column(name = "OWNER_ID", nullable = false, length = 36)
	private String ownerId;

	@Column(name = "FILE_NAME", nullable = false, length = 255)
	private String fileName;

	@Column(name = "MEDIA_TYPE", nullable = false, length = 100)
	private String mediaType;

	@Column(name = "SIZE_BYTES", nullable = false)
	private long size;

	@Column(name = "SHA256", nullable = false, length = 64)
	private String sha256;

	/** For JPA. */
	protected Document() {
	}

	Document(String ownerType, String ownerId, String fileName, String mediaType, long size, String sha256) {
		this.ownerType = Objects.requireNonNull(ownerType, "ownerType");
		this.ownerId = Objects.requireNonNull(ownerId, "ownerId");
		this.fileName = Objects.requireNonNull(fileName, "fileName");
		this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
		this.size = size;
		this.sha256 = Objects.requireNonNull(sha256, "sha256");
	}

	public String getOwnerType() {
		return ownerType;
	}

	public String getOwnerId() {
		return ownerId;
	}

	public String getFileName() {
		return fileName;
	}

	public String getMediaType() {
		return mediaType;
	}

	public long getSize() {
		return size;
	}

	public String getSha256() {
		return sha256;
	}

	@Override
	public String wireType() {
		return "document";
	}

	@Override
	public Map<String, Object> syncedFields() {
		return FieldValues.builder().put("ownerType", ownerType).put("ownerId", ownerId).put("fileName", fileName).put("mediaType", mediaType)
				.put("size", size).put("sha256", sha256).build();
	}

	@Override
	public void applySyncedFields(Map<String, Object> fields) {
		ownerType = FieldReader.text(fields, "ownerType", ownerType);
		ownerId = FieldReader.text(fields, "ownerId", ownerId);
		fileName = FieldReader.text(fields, "fileName", fileName);
		mediaType = FieldReader.text(fields, "mediaType", mediaType);
		size = FieldReader.read(fields, "size", size, value -> ((Number) value).longValue());
		sha256 = FieldReader.text(fields, "sha256", sha256);
	}
}
