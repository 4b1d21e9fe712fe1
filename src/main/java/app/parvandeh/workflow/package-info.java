/** BPMN glue only: process and variable names, delegates, listeners, deployment and form support. */
package app.parvandeh.workflow;
