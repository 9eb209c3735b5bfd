/** Whether a session plays on the wall clock (`real`) or on a simulated one (`headless`). */
export type SessionMode = 'real' | 'headless';
