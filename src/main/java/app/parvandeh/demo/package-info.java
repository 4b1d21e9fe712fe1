/** Demo users, faculties and students: only in the demo profile, never in production. */
package app.parvandeh.demo;
