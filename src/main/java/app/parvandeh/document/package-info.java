/** Document types, students' documents with their versions and reviews, and the content store. */
package app.parvandeh.document;
