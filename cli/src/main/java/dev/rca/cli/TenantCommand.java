package dev.rca.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command about a tenant's uploads has: the server to talk to and the tenant (picocli reads both here). */
abstract class TenantCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    Connection connection;

    @Mixin
    TenantOption tenant;
}
