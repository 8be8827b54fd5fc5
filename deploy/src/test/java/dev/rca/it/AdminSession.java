package dev.rca.it;

import org.junit.jupiter.api.BeforeEach;

/** A test against the deployed EAR that works through the admin API with the server's bootstrap admin token. */
abstract class AdminSession extends DeployedEar {

    Api api;
    Admin admin;

    @BeforeEach
    void connectAsAdmin() {
        api = Admin.bootstrap(base);
        admin = new Admin(api);
    }
}
