/*
 * Parvandeh: what the Tasklist forms in forms/ build on, loaded once when Tasklist starts (tasklist/scripts/config.js,
 * customScripts), so every form finds window.ParvandehKit and window.ParvandehTaskStudent ready: the same two
 * scripts our own pages load, not copies.
 */
import '/js/kit.js';
import '/js/task-student.js';

export default [];
