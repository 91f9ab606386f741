export * from './clock.js';
export * from './event-publisher.js';
export * from './object-store.js';
export * from './platform-config.js';
