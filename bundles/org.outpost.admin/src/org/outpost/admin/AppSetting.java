package org.outpost.admin;

import java.util.Map;

import org.outpost.core.record.FieldReader;
import org.outpost.core.record.FieldValues;
import org.outpost.core.record.SyncedRecord;
import org.outpost.core.record.Syncable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One application setting from the web application, by key (e.g. {@code events.default.leeway.days}). */
@Entity(name = "AppSetting")
@Table(name = "OUTPOST_APP_SETTING")
public class AppSetting extends SyncedRecord implements Syncable {

	@Column(name = "SETTING_KEY", nullable = false, unique = true, length = 200)
	private String key;

	@Column(name = "SETTING_VALUE", length = 4000)
	private String value;

	/** For JPA. */
	protected AppSetting() {
	}

	public AppSetting(String key, String value) {
		if (key == null || !key.matches("[a-z][a-z0-9_.-]*")) {
			throw new IllegalArgumentException("A setting key is lower-case words joined by '.': '" + key + "'");
		}
		this.key = key;
		this.value = value;
	}

	public String getKey() {
		return key;
	}

	public String getValue() {
		return value;
	}

	public void setValue(String value) {
		this.value = value;
	}

	@Override
	public String wireType() {
		return "setting";
	}

	@Override
	public Map<String, Object> syncedFields() {
		return FieldValues.builder().put("key", key).put("value", value).build();
	}

	@Override
	public void applySyncedFields(Map<String, Object> fields) {
		key = FieldReader.text(fields, "key", key);
		value = FieldReader.text(fields, "value", value);
	}
}
