/** Notes about the student (Golestan 10730/17030) with the addresses of the documents they vouch for. */
package app.parvandeh.note;
