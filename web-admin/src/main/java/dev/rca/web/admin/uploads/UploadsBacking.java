package dev.rca.web.admin.uploads;

import dev.rca.paging.Page;
import dev.rca.pipeline.boundary.UploadList;
import dev.rca.pipeline.boundary.UploadRow;
import dev.rca.uploads.entity.UploadStatus;
import dev.rca.web.admin.ListingBacking;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** admin/uploads/index.xhtml: uploads of every tenant, filtered by a GET form (tenant, status, time), paged. */
@Named
@RequestScoped
public class UploadsBacking extends ListingBacking<UploadRow> {

    @EJB
    UploadList uploads;

    @Override
    protected Page<UploadRow> read(String tenant, String status, Instant from, Instant to, int offset, int limit) {
        return uploads.page(tenant, status, from, to, offset, limit);
    }

    public List<String> getStatuses() {
        return Arrays.stream(UploadStatus.values()).map(UploadStatus::label).toList();
    }
}
