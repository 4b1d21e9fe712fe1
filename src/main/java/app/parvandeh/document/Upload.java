package app.parvandeh.document;

import app.parvandeh.shared.ParvandehException;
import app.parvandeh.shared.UserText;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.web.multipart.MultipartFile;

/**
 * One file of an upload request, streamed from wherever the web layer keeps it. The name is checked
 * on creation (see {@link UserText}): a browser's full client path is cut to the file's own name,
 * which must fit its column.
 */
public record Upload(String typeCode, String fileName, Content content) {

  /** document_version.file_name. */
  public static final UserText.Field FILE_NAME =
      UserText.Field.name("file-name", "نام فایل", "file name", 255);

  public Upload {
    String name = fileName == null ? "" : fileName;
    name =
        UserText.clean(
            name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1), FILE_NAME);
    fileName = name.isEmpty() ? "file" : name;
  }

  /** One file part of a multipart request; a request without it is refused. */
  public static Upload of(String typeCode, MultipartFile file) {
    if (file == null) {
      throw ParvandehException.badRequest(
          "no-files", "هیچ فایلی انتخاب نشده است.", "No file was sent.");
    }
    return new Upload(typeCode, file.getOriginalFilename(), file::getInputStream);
  }

  /** Opens the upload's bytes; called once. */
  @FunctionalInterface
  public interface Content {
    InputStream open() throws IOException;
  }
}
