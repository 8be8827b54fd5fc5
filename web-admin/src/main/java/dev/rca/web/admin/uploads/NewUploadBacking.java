package dev.rca.web.admin.uploads;

import dev.rca.web.admin.Messages;
import dev.rca.errors.BusinessException;
import dev.rca.errors.ErrorCode;
import dev.rca.pipeline.ingest.boundary.UploadIntake;
import dev.rca.tenants.boundary.TenantAdministration;
import dev.rca.tenants.boundary.TenantView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** admin/uploads/new.xhtml: a file and a tenant into {@link UploadIntake#accept}, the REST API's own entry. */
@Named
@RequestScoped
public class NewUploadBacking {

    private static final Logger LOG = Logger.getLogger(NewUploadBacking.class.getName());

    @EJB
    UploadIntake intake;

    @EJB
    TenantAdministration tenants;

    private String tenant;
    private Part file;
    private List<TenantView> activeTenants;

    public List<TenantView> getActiveTenants() {
        if (activeTenants == null) {
            activeTenants = tenants.list().stream().filter(TenantView::active).toList();
        }
        return activeTenants;
    }

    public String upload() {
        if (file == null || file.getSubmittedFileName() == null || file.getSubmittedFileName().isEmpty()) {
            Messages.error("upload:file", "Choose a file to upload.");
            return null;
        }
        try (PartUploadSource source = new PartUploadSource(file)) {
            UUID id = intake.accept(tenant, source).id();
            Messages.infoAfterRedirect("Upload of " + file.getSubmittedFileName() + " accepted.");
            return "/admin/uploads/upload?faces-redirect=true&tenant=" + tenant + "&id=" + id;
        } catch (BusinessException refusal) {
            Messages.error(refusal.code() == ErrorCode.UNKNOWN_TENANT || refusal.code() == ErrorCode.TENANT_INACTIVE
                    ? "upload:tenant" : "upload:file", refusal);
            return null;
        } finally {
            try {
                file.delete();
            } catch (IOException e) {
                LOG.log(Level.FINE, "the container removes the upload's temporary file itself", e);
            }
        }
    }

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }
}
