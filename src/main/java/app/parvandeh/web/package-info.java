/** The student portal's and the review form's REST API, content downloads and error answers. */
package app.parvandeh.web;
