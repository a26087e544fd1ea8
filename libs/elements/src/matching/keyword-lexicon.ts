/**
 * The word lists behind NLP keyword matching (matchKeyword with `nlp: true`). Plain data,
 * English-first, kept small on purpose: each entry is a chance of a false positive, so add
 * a word only for a reply real users send. Every entry is written in lower case without
 * accents or apostrophes ("dont"), the way tokenizeReply folds replies.
 *
 * - synonymGroups: replies meaning the same for common chatbot intents. A keyword that is
 *   (or contains) one term of a group also accepts every other term of that group. Terms
 *   may be phrases; each must keep at least one word that is not a filler word.
 * - fillerWords: words a reply can carry around its point ("I would like to talk to an
 *   agent please"); ignored when comparing a reply with a keyword's content words.
 *   Never put a negation or an answer word ("ok", "no", "right") here.
 * - strongNegations: negate what follows them in the same clause ("I don't want an agent").
 * - weakNegations: negate only the next two words ("no agent"), so "no I want an agent"
 *   still asks for one.
 * - clauseResets: end a negation's reach ("not now but yes").
 */
export const keywordLexicon = {
  synonymGroups: [
    {
      intent: 'yes',
      terms: [
        'yes', 'yeah', 'yea', 'yep', 'yup', 'ya', 'yah', 'sure', 'ok', 'okay', 'k', 'kk', 'alright',
        'all right', 'of course', 'absolutely', 'definitely', 'certainly', 'affirmative', 'correct',
        'right', 'thats right', 'indeed', 'sounds good', 'go ahead', 'agree', 'agreed', 'i agree',
        'accept', 'confirm', 'confirmed', 'si', 'oui', 'ja', '👍', '👌', '✅',
      ],
    },
    {
      intent: 'no',
      terms: [
        'no', 'nope', 'nah', 'nay', 'negative', 'not really', 'no thanks', 'no thank you', 'never',
        'not now', 'not at all', 'disagree', 'decline', 'non', 'nein', '👎', '❌',
      ],
    },
    {
      intent: 'cancel',
      terms: [
        'cancel', 'cancellation', 'stop', 'quit', 'exit', 'abort', 'end', 'unsubscribe', 'never mind',
        'nevermind', 'forget it', 'terminate',
      ],
    },
    {
      intent: 'help',
      terms: ['help', 'assist', 'assistance', 'support', 'question', 'problem', 'issue', 'trouble', 'stuck', 'sos', '🆘'],
    },
    {
      intent: 'agent',
      terms: [
        'agent', 'human', 'real person', 'live person', 'representative', 'rep', 'operator', 'someone',
        'somebody', 'staff', 'customer service', 'customer support', 'live agent', 'live chat',
        'advisor', 'adviser', 'consultant', 'employee',
      ],
    },
    {
      intent: 'price',
      terms: ['price', 'pricing', 'cost', 'how much', 'fee', 'rate', 'charge', 'quote', 'tariff', '💰'],
    },
    { intent: 'order', terms: ['order', 'purchase', 'buy', 'checkout'] },
    {
      intent: 'delivery',
      terms: ['delivery', 'shipping', 'shipment', 'package', 'parcel', 'track', 'tracking', 'where is my order'],
    },
    { intent: 'refund', terms: ['refund', 'money back', 'reimbursement', 'reimburse', 'chargeback'] },
    { intent: 'booking', terms: ['book', 'booking', 'appointment', 'reservation', 'reserve', 'schedule'] },
    {
      intent: 'greeting',
      terms: ['hi', 'hello', 'hey', 'hiya', 'howdy', 'greetings', 'good morning', 'good afternoon', 'good evening', '👋'],
    },
    { intent: 'thanks', terms: ['thanks', 'thank you', 'thx', 'ty', 'cheers', 'appreciated', 'much appreciated', '🙏'] },
    { intent: 'goodbye', terms: ['bye', 'goodbye', 'bye bye', 'see you', 'see ya', 'cya', 'farewell', 'later'] },
    { intent: 'menu', terms: ['menu', 'main menu', 'start over', 'restart', 'go back', 'options'] },
  ],
  fillerWords: [
    'a', 'an', 'the', 'i', 'im', 'ive', 'ill', 'me', 'my', 'mine', 'we', 'us', 'our', 'you', 'your', 'it', 'its',
    'this', 'that', 'these', 'those', 'to', 'for', 'of', 'with', 'on', 'in', 'at', 'by', 'from', 'about', 'and',
    'or', 'so', 'just', 'please', 'pls', 'plz', 'kindly', 'would', 'could', 'can', 'will', 'shall', 'should',
    'may', 'might', 'want', 'wanna', 'need', 'like', 'let', 'lets', 'do', 'does', 'did', 'be', 'is', 'am',
    'are', 'was', 'were', 'been', 'have', 'has', 'had', 'get', 'got', 'some', 'talk', 'speak', 'chat', 'connect',
    'put', 'through', 'well', 'um', 'uh', 'hmm', 'oh', 'ah', 'also', 'very', 'there', 'here', 'again',
  ],
  strongNegations: [
    'not', 'never', 'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'cant', 'cannot', 'couldnt',
    'wont', 'wouldnt', 'shouldnt', 'havent', 'hasnt', 'neither', 'nor', 'nothing', 'hardly',
  ],
  weakNegations: ['no', 'nope', 'nah', 'none', 'without'],
  clauseResets: ['but', 'however', 'though', 'although', 'yet'],
} as const;
