package app.parvandeh.document;

import java.io.IOException;
import java.io.InputStream;

/** One file of an upload request, streamed from wherever the web layer keeps it. */
public record Upload(String typeCode, String fileName, Content content) {

  /** Opens the upload's bytes; called once. */
  @FunctionalInterface
  public interface Content {
    InputStream open() throws IOException;
  }
}
