/**
 * A short, soft two-note chime for a new help request (about a third of a second), made with the
 * Web Audio API so no sound file is needed. Does nothing where audio is unavailable or blocked.
 */
export function playChime() {
  const AudioContextClass = globalThis.AudioContext;
  if (!AudioContextClass) return;
  try {
    const audio = new AudioContextClass();
    const start = audio.currentTime;
    [660, 880].forEach((frequency, index) => {
      const note = audio.createOscillator();
      const volume = audio.createGain();
      const at = start + index * 0.14;
      note.frequency.value = frequency;
      volume.gain.setValueAtTime(0.0001, at);
      volume.gain.exponentialRampToValueAtTime(0.12, at + 0.02);
      volume.gain.exponentialRampToValueAtTime(0.0001, at + 0.18);
      note.connect(volume).connect(audio.destination);
      note.start(at);
      note.stop(at + 0.2);
    });
    setTimeout(() => void audio.close(), 600);
  } catch {
    // Audio blocked by the browser: the visual cue and the title still say it.
  }
}
