/** Students and their files: identity, faculty, degree, entry year, status and the file's stage. */
package app.parvandeh.student;
