/**
 * Report 112 (Golestan's «توضیحات مرتبط با دانشجو»): every note about one student or across a
 * faculty and a Jalali date range, each address resolved to a document version, an external
 * reference, or flagged as unresolved; as JSON, CSV and a printable Persian PDF. Exposed to the web
 * layer as the note module's "report" interface.
 */
@NamedInterface("report")
package app.parvandeh.note.report;

import org.springframework.modulith.NamedInterface;
