/* Parvandeh: Admin's configuration (replaces the webjar's scripts/config.js); see ../../parvandeh/config.js. */
import {persianConfig} from '../../parvandeh/config.js';

export default persianConfig('مدیریت');
