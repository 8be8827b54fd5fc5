package dev.rca.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

import java.io.File;

/** The real build output: the EAR that ear/ built, deployed as it is. */
final class Deployments {

    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("rca.ear")));
    }

    private Deployments() {
    }
}
