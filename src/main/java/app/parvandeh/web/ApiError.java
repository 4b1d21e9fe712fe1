package app.parvandeh.web;

/** The body of every 4xx answer: a stable code and the message in Persian and English. */
record ApiError(int status, String code, String messageFa, String messageEn, String detail) {}
