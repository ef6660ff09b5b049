package org.outpost.sync.internal.keyring;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.PointerByReference;

/**
 * The desktop keyring through libsecret, i.e. the freedesktop Secret Service (GNOME Keyring, KWallet,
 * KeePassXC). Holds one secret per token vault, found by the vault's folder. Our own schema keeps the
 * secret apart from Eclipse's single per-user master password, which a second storage would overwrite.
 */
public final class SecretServiceKeyring {

	private static final String SCHEMA = "org.outpost.TokenVault";
	private static final String VAULT_ATTRIBUTE = "vault";
	private static final String DEFAULT_COLLECTION = "default";
	// a locked keyring shows an unlock prompt; nobody may be there to answer it during an automatic sync
	private static final Duration ANSWER_WITHIN = Duration.ofSeconds(20);

	/** The libsecret calls used (simple password API). */
	public interface LibSecret extends Library {
		Pointer secret_password_lookup_sync(Schema schema, Pointer cancellable, PointerByReference error, Object... attributes);

		boolean secret_password_store_sync(Schema schema, String collection, String label, String password, Pointer cancellable,
				PointerByReference error, Object... attributes);

		void secret_password_free(Pointer password);
	}

	/** GLib, to free the errors libsecret hands back. */
	public interface LibGlib extends Library {
		void g_error_free(Pointer error);
	}

	/** {@code SecretSchemaAttribute}: a name and its type (0 = string). */
	@Structure.FieldOrder({ "name", "type" })
	public static final class Attribute extends Structure {
		public String name;
		public int type;
	}

	/** {@code SecretSchema}, with its reserved fields so the size matches the C struct. */
	@Structure.FieldOrder({ "name", "flags", "attributes", "reserved", "reserved1", "reserved2", "reserved3", "reserved4", "reserved5",
			"reserved6", "reserved7" })
	public static final class Schema extends Structure {
		public String name;
		public int flags;
		public Attribute[] attributes = (Attribute[]) new Attribute().toArray(32);
		public int reserved;
		public Pointer reserved1;
		public Pointer reserved2;
		public Pointer reserved3;
		public Pointer reserved4;
		public Pointer reserved5;
		public Pointer reserved6;
		public Pointer reserved7;
	}

	/** {@code GError}. */
	@Structure.FieldOrder({ "domain", "code", "message" })
	public static final class GError extends Structure {
		public int domain;
		public int code;
		public String message;

		public GError(Pointer pointer) {
			super(pointer);
			read();
		}
	}

	private final LibSecret secret;
	private final LibGlib glib;
	private final Schema schema = new Schema();

	private SecretServiceKeyring(LibSecret secret, LibGlib glib) {
		this.secret = secret;
		this.glib = glib;
		schema.name = SCHEMA;
		schema.attributes[0].name = VAULT_ATTRIBUTE;
		schema.attributes[0].type = 0;
		schema.write();
	}

	/** The keyring of this desktop session, if libsecret is installed (Linux only); whether a service answers shows on first use. */
	public static Optional<SecretServiceKeyring> ofThisDesktop() {
		return Optional.ofNullable(Libraries.KEYRING);
	}

	/** Loads libsecret once per process and never unloads it: its GObject types cannot be registered twice. */
	private static final class Libraries {
		// RTLD_LAZY | RTLD_GLOBAL | RTLD_NODELETE
		private static final Map<String, Object> OPEN_ONCE = Map.of(Library.OPTION_OPEN_FLAGS, 0x1101);
		static final SecretServiceKeyring KEYRING = load();

		private static SecretServiceKeyring load() {
			if (!Platform.isLinux()) {
				return null;
			}
			try {
				return new SecretServiceKeyring(Native.load("secret-1", LibSecret.class, OPEN_ONCE), Native.load("glib-2.0", LibGlib.class, OPEN_ONCE));
			} catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
				return null;
			}
		}
	}

	/** The secret kept for {@code vault}, if any. */
	public Optional<String> lookup(String vault) throws IOException {
		return answered("read", () -> {
			PointerByReference error = new PointerByReference();
			Pointer found = secret.secret_password_lookup_sync(schema, Pointer.NULL, error, VAULT_ATTRIBUTE, vault, null);
			failOn(error);
			if (found == null) {
				return Optional.empty();
			}
			try {
				return Optional.of(found.getString(0, "UTF-8"));
			} finally {
				secret.secret_password_free(found);
			}
		});
	}

	/** Keeps {@code value} for {@code vault} in the default collection, replacing an earlier one. */
	public void store(String vault, String label, String value) throws IOException {
		answered("write", () -> {
			PointerByReference error = new PointerByReference();
			boolean stored = secret.secret_password_store_sync(schema, DEFAULT_COLLECTION, label, value, Pointer.NULL, error, VAULT_ATTRIBUTE,
					vault, null);
			failOn(error);
			if (!stored) {
				throw new IOException("the keyring did not store the secret");
			}
			return null;
		});
	}

	private void failOn(PointerByReference error) throws IOException {
		Pointer pointer = error.getValue();
		if (pointer != null) {
			String message = new GError(pointer).message;
			glib.g_error_free(pointer);
			throw new IOException(message);
		}
	}

	private static <T> T answered(String what, Callable<T> call) throws IOException {
		// one call at a time: the schema structure is shared and libsecret's sync API is not meant for racing threads
		FutureTask<T> task = new FutureTask<>(() -> {
			synchronized (SecretServiceKeyring.class) {
				return call.call();
			}
		});
		Thread thread = new Thread(task, "Outpost keyring " + what);
		thread.setDaemon(true);
		thread.start();
		try {
			return task.get(ANSWER_WITHIN.toSeconds(), TimeUnit.SECONDS);
		} catch (TimeoutException e) {
			task.cancel(true);
			throw new IOException("the desktop keyring did not answer within " + ANSWER_WITHIN.toSeconds() + " s (is it locked?)");
		} catch (ExecutionException e) {
			Throwable cause = e.getCause();
			throw cause instanceof IOException io ? io : new IOException(String.valueOf(cause.getMessage()), cause);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while asking the desktop keyring", e);
		}
	}
}
