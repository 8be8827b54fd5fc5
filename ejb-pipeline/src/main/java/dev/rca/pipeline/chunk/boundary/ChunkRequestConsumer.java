package dev.rca.pipeline.chunk.boundary;

import dev.rca.pipeline.boundary.StageRequestConsumer;
import dev.rca.pipeline.entity.Stage;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/** Takes the chunk stage's requests off ChunkRequestQueue. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/ChunkRequestQueue"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        // Consumers per node (WildFly's default is 15): the stage is CPU-bound for large files, and each consumer
        // holds a database connection next to the ingest slots (rca.upload.max-concurrent).
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
})
public class ChunkRequestConsumer extends StageRequestConsumer {

    @Override
    protected Stage stage() {
        return Stage.CHUNK;
    }
}
