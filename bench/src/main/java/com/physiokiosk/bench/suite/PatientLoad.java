package com.physiokiosk.bench.suite;

import com.physiokiosk.bench.load.LoadGenerator;
import com.physiokiosk.bench.web.Browser;
import com.physiokiosk.bench.web.PatientWalk;
import java.io.IOException;
import java.net.http.HttpClient;

/** The patient loads on a running kiosk, shared by the question-screen and memory benchmarks. */
final class PatientLoad {

    private PatientLoad() {
    }

    /** A patient walked to the question screen once, then fetching it again and again. */
    static LoadGenerator.Client onQuestionScreen(HttpClient http, int port) {
        return new QuestionScreenPatient(new Browser(http, port));
    }

    /** A kiosk's browser taking one patient after another through a whole visit, submit included. */
    static LoadGenerator.Client visiting(HttpClient http, int port) {
        Browser browser = new Browser(http, port);
        return () -> PatientWalk.completeVisit(browser);
    }

    /** As {@link #visiting}, at a patient's pace: {@code think} on each screen before the tap that answers it. */
    static LoadGenerator.Client visitingAtPace(HttpClient http, int port, java.time.Duration think) {
        Browser browser = new Browser(http, port).thinking(think);
        return () -> PatientWalk.completeVisit(browser);
    }

    /** The same session always gets the same page: any other size is a wrong answer. */
    static void sameSize(int actual, int expected) throws IOException {
        if (actual != expected) {
            throw new IOException("page of " + actual + " bytes, expected " + expected);
        }
    }

    private static final class QuestionScreenPatient implements LoadGenerator.Client {
        private final Browser patient;
        private int bytes;

        QuestionScreenPatient(Browser patient) {
            this.patient = patient;
        }

        @Override
        public void setUp() throws Exception {
            bytes = PatientWalk.toQuestion(patient);
        }

        @Override
        public void call() throws Exception {
            sameSize(PatientWalk.question(patient).body().length, bytes);
        }
    }
}
