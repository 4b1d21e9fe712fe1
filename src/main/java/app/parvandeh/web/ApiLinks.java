package app.parvandeh.web;

import app.parvandeh.document.DocumentViews.VersionView;
import app.parvandeh.note.NoteView.AddressView;
import app.parvandeh.note.report.NotesReport.AddressLine;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonAppend;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.VirtualBeanPropertyWriter;
import com.fasterxml.jackson.databind.util.Annotations;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The one place that spells the API's addresses of a document version. The document and note
 * modules return version ids; this web layer adds the links their JSON answers have always carried
 * ({@code contentUrl} and {@code previewUrl} of a version, {@code url} of a note address), so the
 * modules need not know the web's paths.
 */
final class ApiLinks {

  private ApiLinks() {}

  /** Downloads the bytes of a version; null for no version. */
  static String versionContent(Long versionId) {
    return versionId == null ? null : "/api/documents/versions/" + versionId + "/content";
  }

  /** Shows a PDF version as page images; only PDFs have one. */
  static String versionPreview(VersionView version) {
    return version.previewable() ? "/api/documents/versions/" + version.id() + "/preview" : null;
  }

  /**
   * Adds the links to the records when Spring's ObjectMapper writes them (Spring Boot registers
   * Module beans).
   */
  @Component
  static class Json extends SimpleModule {

    Json() {
      super("parvandeh-api-links");
      setMixInAnnotation(VersionView.class, VersionLinks.class);
      setMixInAnnotation(AddressView.class, AddressLink.class);
      setMixInAnnotation(AddressLine.class, AddressLink.class);
      setSerializerModifier(
          new BeanSerializerModifier() {
            @Override
            public List<BeanPropertyWriter> changeProperties(
                SerializationConfig config,
                BeanDescription bean,
                List<BeanPropertyWriter> properties) {
              return bean.getBeanClass() == VersionView.class
                  ? linksAfter("uploadedBy", properties)
                  : properties;
            }
          });
    }

    /**
     * Appended links go back where the record's fields had them, so the answers keep their order.
     */
    private static List<BeanPropertyWriter> linksAfter(
        String field, List<BeanPropertyWriter> properties) {
      List<BeanPropertyWriter> links = properties.stream().filter(p -> p instanceof Link).toList();
      List<BeanPropertyWriter> ordered =
          new ArrayList<>(properties.stream().filter(p -> !(p instanceof Link)).toList());
      int at = ordered.stream().map(BeanPropertyWriter::getName).toList().indexOf(field) + 1;
      ordered.addAll(at, links);
      return ordered;
    }
  }

  // A link that is null is written as null, as the records' fields were.
  @JsonAppend(
      props = {
        @JsonAppend.Prop(value = Link.class, name = "contentUrl", include = Include.ALWAYS),
        @JsonAppend.Prop(value = Link.class, name = "previewUrl", include = Include.ALWAYS)
      })
  private abstract static class VersionLinks {}

  @JsonAppend(props = @JsonAppend.Prop(value = Link.class, name = "url", include = Include.ALWAYS))
  private abstract static class AddressLink {}

  /** A link computed from the record being written, by the record's type and the link's name. */
  static final class Link extends VirtualBeanPropertyWriter {

    Link() {}

    private Link(BeanPropertyDefinition property, Annotations annotations, JavaType type) {
      super(property, annotations, type);
    }

    @Override
    protected Object value(Object bean, JsonGenerator gen, SerializerProvider provider) {
      if (bean instanceof VersionView v) {
        return getName().equals("previewUrl") ? versionPreview(v) : versionContent(v.id());
      }
      if (bean instanceof AddressView a) {
        return versionContent(a.documentVersionId());
      }
      AddressLine line = (AddressLine) bean;
      return line.opensDocument() ? versionContent(line.documentVersionId()) : null;
    }

    @Override
    public VirtualBeanPropertyWriter withConfig(
        MapperConfig<?> config,
        AnnotatedClass declaringClass,
        BeanPropertyDefinition property,
        JavaType type) {
      return new Link(property, declaringClass.getAnnotations(), type);
    }
  }
}
