package app.parvandeh.document.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.shared.ParvandehException;
import javax.imageio.IIOException;
import org.junit.jupiter.api.Test;

/**
 * What a failed image decode tells the sender: their file's fault (400) or the server's (503, send
 * again).
 */
class ImageCheckTests {

  @Test
  void aDecodeThatRanOutOfMemoryIsTheServersTroubleNotABrokenImage() {
    // ImageIO's PNG reader wraps any Throwable, OutOfMemoryError included, in this IIOException
    RuntimeException answer =
        ImageCheck.refusalFor(
            "scan.png",
            new IIOException(
                "Caught exception during read: ", new OutOfMemoryError("Java heap space")));

    assertThat(answer)
        .isInstanceOfSatisfying(
            ParvandehException.class,
            e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.code()).isEqualTo("image-check-unavailable");
              assertThat(e.messageFa()).contains("scan.png").contains("دوباره");
              assertThat(e.messageEn()).contains("nothing was stored");
            });
    assertThat(
            ((ParvandehException) ImageCheck.refusalFor("scan.png", new OutOfMemoryError()))
                .status())
        .isEqualTo(503);
  }

  @Test
  void aDecodeThatFailedOnTheBytesIsABrokenImage() {
    RuntimeException answer =
        ImageCheck.refusalFor("scan.png", new IIOException("Error reading PNG image data"));

    assertThat(answer)
        .isInstanceOfSatisfying(
            ParvandehException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("undecodable-image");
            });
  }
}
