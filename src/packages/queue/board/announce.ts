/**
 * The board's sound, where the browser allows it (H5 on the hall's TV): the call spoken in
 * Chinese (Web Speech), else a two-tone chime (Web Audio). Browsers allow sound only after a tap
 * on the page: until then this does nothing (the page asks for one tap). The weapp has neither.
 */
type AudioCtor = new () => AudioContext;

let audio: AudioContext | undefined;

/** Called from the tap that allows sound. */
export function unlockSound(): boolean {
  const w = globalThis as unknown as { AudioContext?: AudioCtor; webkitAudioContext?: AudioCtor; speechSynthesis?: SpeechSynthesis };
  const Ctor = w.AudioContext ?? w.webkitAudioContext;
  if (!Ctor && !w.speechSynthesis) return false;
  if (Ctor && !audio) audio = new Ctor();
  void audio?.resume();
  return true;
}

function chime(): void {
  if (!audio) return;
  const start = audio.currentTime;
  [880, 660].forEach((hz, i) => {
    const osc = audio!.createOscillator();
    const gain = audio!.createGain();
    osc.frequency.value = hz;
    gain.gain.setValueAtTime(0.25, start + i * 0.35);
    gain.gain.exponentialRampToValueAtTime(0.001, start + i * 0.35 + 0.3);
    osc.connect(gain).connect(audio!.destination);
    osc.start(start + i * 0.35);
    osc.stop(start + i * 0.35 + 0.32);
  });
}

/** 「请 A001 号到 3 号窗口办理」 (letters read one by one). */
export function announce(label: string, window: string): void {
  chime();
  const w = globalThis as unknown as { speechSynthesis?: SpeechSynthesis; SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance };
  if (!w.speechSynthesis || !w.SpeechSynthesisUtterance || !audio) return;
  const spoken = `请 ${label.split('').join(' ')} 号，到 ${window} 号窗口办理`;
  const u = new w.SpeechSynthesisUtterance(spoken);
  u.lang = 'zh-CN';
  w.speechSynthesis.speak(u);
}
