package org.outpost.server.internal.store;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A change that moved a record: the scope columns it had before the change that took sequence
 * number {@code REV}. The change feed reads these in sequence order to tell a device that a record
 * it holds has left its scope (docs/protocol.md, "left").
 */
@Entity
// the changed endpoint asks for the moves out of a device's org units after its cursor by this index (ChangeFeed.hasChanges)
@Table(name = "OP_SCOPE_MOVE", indexes = @Index(name = "OP_SCOPE_MOVE_TYPE_UNIT_REV", columnList = "RTYPE,ORG_UNIT,REV"))
public class ScopeMove {

	@Id
	@Column(name = "REV")
	private long rev;

	@Column(name = "RECORD_ID", length = 36, nullable = false)
	private String recordId;

	@Column(name = "RTYPE", length = 32, nullable = false)
	private String type;

	@Column(name = "ORG_UNIT", length = 36)
	private String orgUnit;

	@Column(name = "LOCATION", length = 36)
	private String location;

	@Column(name = "DUE_DATE")
	private LocalDate dueDate;

	@Column(name = "OWNER", length = 64)
	private String owner;

	@Column(name = "STATUS", length = 32)
	private String status;

	protected ScopeMove() {
	}

	/** The move of {@code record} by its change {@code rev}, from the columns it had before. */
	public ScopeMove(long rev, StoredRecord record, ScopeColumns before) {
		this.rev = rev;
		this.recordId = record.getId();
		this.type = record.getType();
		this.orgUnit = before.orgUnit();
		this.location = before.location();
		this.dueDate = before.dueDate();
		this.owner = before.owner();
		this.status = before.status();
	}

	public long getRev() {
		return rev;
	}

	public String getRecordId() {
		return recordId;
	}

	public String getType() {
		return type;
	}

	/** The columns the record had before this move. */
	public ScopeColumns before() {
		return new ScopeColumns(orgUnit, location, dueDate, owner, status);
	}
}
