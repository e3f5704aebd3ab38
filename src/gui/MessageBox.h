#pragma once

#include <QMap>
#include <QMessageBox>

#include <optional>

// Message boxes with a test hook (a modal box would wait forever in an offscreen test): in
// test mode nothing is shown, a question takes the answer set beforehand (Cancel without one)
// and a warning is kept for the test to read.
class MessageBox final
{
public:
    // Asks with the given buttons, relabelled as given; returns the one chosen (Cancel when the
    // box is closed).
    static QMessageBox::StandardButton question(QWidget* parent, const QString& title, const QString& text,
                                                QMessageBox::StandardButtons buttons,
                                                QMessageBox::StandardButton defaultButton,
                                                const QMap<QMessageBox::StandardButton, QString>& labels = {});
    static void warning(QWidget* parent, const QString& title, const QString& text);

    static void setTestMode(bool on);
    static void setNextAnswer(QMessageBox::StandardButton answer);
    static QString lastWarning();

private:
    static bool s_testMode;
    static std::optional<QMessageBox::StandardButton> s_nextAnswer;
    static QString s_lastWarning;
};
