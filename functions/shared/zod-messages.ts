import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// zod/mini loads no messages of its own (every issue would read "Invalid input"):
// install the English ones the classic API installs, so problem bodies say the same.
// Imported by every module that declares or parses a schema.
z.config(en());
