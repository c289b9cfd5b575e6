package sahelgraph;

import java.net.InetAddress;
import java.net.URI;
import java.util.BitSet;
import java.util.Set;
import java.util.function.Supplier;

import org.eclipse.collections.api.set.primitive.IntSet;
import org.neo4j.internal.kernel.api.RelTypeSupplier;
import org.neo4j.internal.kernel.api.TokenSet;
import org.neo4j.internal.kernel.api.security.AccessMode;
import org.neo4j.internal.kernel.api.security.PermissionState;
import org.neo4j.internal.kernel.api.security.PrivilegeAction;
import org.neo4j.internal.kernel.api.security.ReadSecurityPropertyProvider;
import org.neo4j.storageengine.api.PropertySelection;

/**
 * An analyst's access: whatever {@code base} lets them read (at most {@link AccessMode.Static#READ}),
 * and nothing else. No writes, no new labels, types or property keys, no schema changes, no LOAD
 * CSV of any file or URL, no settings, no admin procedures, no procedure or function running with
 * more rights than the caller, and no procedure off the allowlist.
 */
final class AnalystAccessMode implements AccessMode {
    private final AccessMode base;
    private final BitSet allowedProcedures;

    AnalystAccessMode(AccessMode base, BitSet allowedProcedures) {
        this.base = base;
        this.allowedProcedures = allowedProcedures;
    }

    BitSet allowedProcedures() {
        return allowedProcedures;
    }

    // Writes of any kind: refused.

    @Override
    public boolean allowsWrites() {
        return false;
    }

    @Override
    public PermissionState allowsTokenCreates(PrivilegeAction action) {
        return PermissionState.EXPLICIT_DENY;
    }

    @Override
    public boolean allowsSchemaWrites() {
        return false;
    }

    @Override
    public PermissionState allowsSchemaWrites(PrivilegeAction action) {
        return PermissionState.EXPLICIT_DENY;
    }

    @Override
    public boolean allowsSetLabel(int label) {
        return false;
    }

    @Override
    public boolean allowsRemoveLabel(int label) {
        return false;
    }

    @Override
    public boolean allowsCreateNode(int[] labels) {
        return false;
    }

    @Override
    public boolean allowsDeleteNode(Supplier<TokenSet> labels) {
        return false;
    }

    @Override
    public boolean allowsCreateRelationship(int type) {
        return false;
    }

    @Override
    public boolean allowsDeleteRelationship(int type) {
        return false;
    }

    @Override
    public boolean allowsSetProperty(Supplier<TokenSet> labels, int propertyKey) {
        return false;
    }

    @Override
    public boolean allowsSetProperty(RelTypeSupplier type, int propertyKey) {
        return false;
    }

    // Files, URLs, settings, procedures: refused unless allowlisted.

    @Override
    public PermissionState allowsLoadAllData() {
        return PermissionState.EXPLICIT_DENY;
    }

    @Override
    public PermissionState allowsLoadUri(URI uri, InetAddress address) {
        return PermissionState.EXPLICIT_DENY;
    }

    @Override
    public PermissionState allowsShowSetting(String setting) {
        return PermissionState.EXPLICIT_DENY;
    }

    @Override
    public PermissionState allowsExecuteProcedure(int procedureId) {
        return procedureId >= 0 && allowedProcedures.get(procedureId)
                ? base.allowsExecuteProcedure(procedureId)
                : PermissionState.EXPLICIT_DENY;
    }

    @Override
    public PermissionState allowExecuteAdminProcedures() {
        return PermissionState.EXPLICIT_DENY;
    }

    @Override
    public PermissionState shouldBoostProcedure(int procedureId) {
        return PermissionState.NOT_GRANTED;
    }

    @Override
    public PermissionState allowsExecuteFunction(int functionId) {
        return base.allowsExecuteFunction(functionId);
    }

    @Override
    public PermissionState shouldBoostFunction(int functionId) {
        return PermissionState.NOT_GRANTED;
    }

    @Override
    public PermissionState allowsExecuteAggregatingFunction(int functionId) {
        return base.allowsExecuteAggregatingFunction(functionId);
    }

    @Override
    public PermissionState shouldBoostAggregatingFunction(int functionId) {
        return PermissionState.NOT_GRANTED;
    }

    // Reads: as the base mode says.

    @Override
    public boolean allowsShowIndex() {
        return base.allowsShowIndex();
    }

    @Override
    public boolean allowsShowConstraint() {
        return base.allowsShowConstraint();
    }

    @Override
    public boolean allowsTraverseAllLabels() {
        return base.allowsTraverseAllLabels();
    }

    @Override
    public boolean allowsTraverseAllNodesWithLabel(int label) {
        return base.allowsTraverseAllNodesWithLabel(label);
    }

    @Override
    public boolean disallowsTraverseLabel(int label) {
        return base.disallowsTraverseLabel(label);
    }

    @Override
    public boolean allowsTraverseNode(int... labels) {
        return base.allowsTraverseNode(labels);
    }

    @Override
    public IntSet getTraverseSecurityProperties(int[] labels) {
        return base.getTraverseSecurityProperties(labels);
    }

    @Override
    public boolean hasApplicableTraverseAllowPropertyRules(int label) {
        return base.hasApplicableTraverseAllowPropertyRules(label);
    }

    @Override
    public boolean allowsTraverseNodeWithPropertyRules(ReadSecurityPropertyProvider provider, int... labels) {
        return base.allowsTraverseNodeWithPropertyRules(provider, labels);
    }

    @Override
    public boolean hasTraversePropertyRules() {
        return base.hasTraversePropertyRules();
    }

    @Override
    public boolean allowsTraverseAllRelTypes() {
        return base.allowsTraverseAllRelTypes();
    }

    @Override
    public boolean allowsTraverseRelType(int type) {
        return base.allowsTraverseRelType(type);
    }

    @Override
    public boolean disallowsTraverseRelType(int type) {
        return base.disallowsTraverseRelType(type);
    }

    @Override
    public boolean allowsReadPropertyAllLabels(int propertyKey) {
        return base.allowsReadPropertyAllLabels(propertyKey);
    }

    @Override
    public boolean disallowsReadPropertyForSomeLabel(int propertyKey) {
        return base.disallowsReadPropertyForSomeLabel(propertyKey);
    }

    @Override
    public boolean allowsReadNodeProperties(
            Supplier<TokenSet> labels, int[] propertyKeys, ReadSecurityPropertyProvider provider) {
        return base.allowsReadNodeProperties(labels, propertyKeys, provider);
    }

    @Override
    public boolean allowsReadNodeProperties(Supplier<TokenSet> labels, int[] propertyKeys) {
        return base.allowsReadNodeProperties(labels, propertyKeys);
    }

    @Override
    public boolean allowsReadNodeProperty(
            Supplier<TokenSet> labels, int propertyKey, ReadSecurityPropertyProvider provider) {
        return base.allowsReadNodeProperty(labels, propertyKey, provider);
    }

    @Override
    public boolean allowsReadNodeProperty(Supplier<TokenSet> labels, int propertyKey) {
        return base.allowsReadNodeProperty(labels, propertyKey);
    }

    @Override
    public boolean allowsReadPropertyAllRelTypes(int propertyKey) {
        return base.allowsReadPropertyAllRelTypes(propertyKey);
    }

    @Override
    public boolean allowsReadRelationshipProperty(RelTypeSupplier type, int propertyKey) {
        return base.allowsReadRelationshipProperty(type, propertyKey);
    }

    @Override
    public boolean allowsSeePropertyKeyToken(int propertyKey) {
        return base.allowsSeePropertyKeyToken(propertyKey);
    }

    @Override
    public boolean hasPropertyReadRules() {
        return base.hasPropertyReadRules();
    }

    @Override
    public boolean hasPropertyReadRules(int... propertyKeys) {
        return base.hasPropertyReadRules(propertyKeys);
    }

    @Override
    public IntSet getReadSecurityProperties(int label) {
        return base.getReadSecurityProperties(label);
    }

    @Override
    public IntSet getAllReadSecurityProperties() {
        return base.getAllReadSecurityProperties();
    }

    @Override
    public PropertySelection getSecurityPropertySelection(PropertySelection selection) {
        return base.getSecurityPropertySelection(selection);
    }

    @Override
    public String name() {
        return "analyst (read only)";
    }

    @Override
    public Set<String> roles() {
        return Set.of();
    }
}
