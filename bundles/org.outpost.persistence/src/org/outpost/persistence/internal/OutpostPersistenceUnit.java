package org.outpost.persistence.internal;

import java.net.URL;
import java.util.List;
import java.util.Properties;

import javax.sql.DataSource;

import org.osgi.framework.FrameworkUtil;

import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;

/**
 * The persistence unit, described in code: OSGi has no persistence.xml scanning without Gemini,
 * so the managed classes are listed by the caller and the class loader is set explicitly.
 */
public final class OutpostPersistenceUnit implements PersistenceUnitInfo {

	private final String name;
	private final DataSource dataSource;
	private final List<String> managedClassNames;
	private final ClassLoader classLoader;
	private final Properties properties;

	public OutpostPersistenceUnit(String name, DataSource dataSource, List<Class<?>> managedClasses, ClassLoader classLoader, Properties properties) {
		this.name = name;
		this.dataSource = dataSource;
		this.managedClassNames = managedClasses.stream().map(Class::getName).toList();
		this.classLoader = classLoader;
		this.properties = properties;
	}

	@Override
	public String getPersistenceUnitName() {
		return name;
	}

	@Override
	public String getPersistenceProviderClassName() {
		return org.eclipse.persistence.jpa.PersistenceProvider.class.getName();
	}

	@Override
	public PersistenceUnitTransactionType getTransactionType() {
		return PersistenceUnitTransactionType.RESOURCE_LOCAL;
	}

	@Override
	public DataSource getJtaDataSource() {
		return null;
	}

	@Override
	public DataSource getNonJtaDataSource() {
		return dataSource;
	}

	@Override
	public List<String> getMappingFileNames() {
		return List.of();
	}

	@Override
	public List<URL> getJarFileUrls() {
		return List.of();
	}

	@Override
	public URL getPersistenceUnitRootUrl() {
		// EclipseLink names the unit after its root; this bundle is the unit's home, its classes come from the contributors
		return FrameworkUtil.getBundle(OutpostPersistenceUnit.class).getEntry("/");
	}

	@Override
	public List<String> getManagedClassNames() {
		return managedClassNames;
	}

	@Override
	public boolean excludeUnlistedClasses() {
		return true;
	}

	@Override
	public SharedCacheMode getSharedCacheMode() {
		return SharedCacheMode.UNSPECIFIED;
	}

	@Override
	public ValidationMode getValidationMode() {
		return ValidationMode.NONE;
	}

	@Override
	public Properties getProperties() {
		return properties;
	}

	@Override
	public String getPersistenceXMLSchemaVersion() {
		return "3.0";
	}

	@Override
	public ClassLoader getClassLoader() {
		return classLoader;
	}

	@Override
	public void addTransformer(ClassTransformer transformer) {
		// weaving is off (eclipselink.weaving=false): nothing to register
	}

	@Override
	public ClassLoader getNewTempClassLoader() {
		return classLoader;
	}
}
