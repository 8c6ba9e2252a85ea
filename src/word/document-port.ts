/** Moved to the shared Office layer (src/office): the Word adapter and the tests keep this path. */
export * from '../office/document-port.js';
