package org.seiche.pipeline.file;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.seiche.api.NdArray;
import org.seiche.api.PipelineImage;
import org.seiche.api.PipelineSpec;
import org.seiche.api.SeicheException;
import org.seiche.api.ShotWork;

/**
 * A pipeline as it travels to another process: the file as read (extends merged, JSON) and
 * the bytes of every input file it read, by the name the file gives them. The other process
 * reads it with the same reader, so it has the same spec; only the model of the moment
 * travels with each piece of work.
 */
public final class ShipPipeline {
    /** The spec option holding a file-read pipeline's image (absent for a pipeline built in code). */
    public static final String OPTION = "pipeline_image";
    private static final int MAGIC = 0x5345_5049; // "SEPI"
    private static final int VERSION = 1;

    private ShipPipeline() {
    }

    /** The image of a merged pipeline tree and the input files it read; its bytes are made only when asked for. */
    static PipelineImage image(JsonNode tree, Map<String, Path> files) {
        Map<String, Path> inputs = Map.copyOf(files);
        return new PipelineImage(UUID.randomUUID().toString(), () -> encode(tree.toString(), inputs));
    }

    /** The work of some batches of the spec's shots on deviceName, as it can leave this process. */
    public static ShotWork work(PipelineSpec spec, String deviceName, ShotWork.Compute compute, List<String> wrt,
                         Map<String, NdArray> model, List<Map<String, NdArray>> directions, int[][] batches, String stage) {
        return new ShotWork((PipelineImage) spec.options().get(OPTION), deviceName, compute, wrt, model, directions, batches, stage);
    }

    private static byte[] encode(String tree, Map<String, Path> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            byte[] text = tree.getBytes(StandardCharsets.UTF_8);
            out.writeInt(text.length);
            out.write(text);
            out.writeInt(files.size());
            for (Map.Entry<String, Path> f : files.entrySet()) {
                out.writeUTF(f.getKey());
                byte[] content = Files.readAllBytes(f.getValue());
                out.writeInt(content.length);
                out.write(content);
            }
        } catch (IOException e) {
            throw new SeicheException("executor: cannot read the pipeline's input files to send them (" + e.getMessage() + ")");
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a pipeline image into a spec as its file would be read: its input files are
     * written to a temporary folder for the readers and removed when the spec is read.
     */
    public static PipelineSpec read(byte[] image, Services services) {
        Path dir = null;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(image))) {
            if (in.readInt() != MAGIC) {
                throw new SeicheException("pipeline image: not a pipeline image");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new SeicheException("pipeline image: format version " + version + ", this Seiche reads " + VERSION);
            }
            JsonNode tree = new ObjectMapper().readTree(new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8));
            dir = Files.createTempDirectory("seiche-shipped");
            int n = in.readInt();
            Map<String, Path> shipped = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                String file = Path.of(name).getFileName().toString();
                // the file's own name keeps the extension readers may look at; the index keeps names apart
                Path local = dir.resolve(i + "-" + file);
                Files.write(local, in.readNBytes(in.readInt()));
                shipped.put(name, local);
            }
            return PipelineFile.read(tree, new ArrayInputs(dir, shipped), services, w -> { });
        } catch (IOException e) {
            throw new SeicheException("pipeline image: cannot read (" + e.getMessage() + ")");
        } finally {
            if (dir != null) {
                // the folder holds only the files written above
                try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        Files.delete(f);
                    }
                    Files.delete(dir);
                } catch (IOException ignored) {
                    // a temporary folder left behind is harmless
                }
            }
        }
    }
}
