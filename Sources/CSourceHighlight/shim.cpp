// GNU Source-highlight behind a small C API Swift can call: languages are
// built once per process and shared, each call highlights with its own
// SourceHighlighter and its thread's formatters (the only state that changes
// while highlighting), so threads never share mutable state.
#include "source_highlight_shim.h"

#include <srchilite/formatter.h>
#include <srchilite/formattermanager.h>
#include <srchilite/langdefmanager.h>
#include <srchilite/regexrulefactory.h>
#include <srchilite/settings.h>
#include <srchilite/sourcehighlighter.h>

#include <sys/mman.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <string>

struct sg_language {
    srchilite::HighlightStatePtr state;
};

namespace {

std::mutex cacheLock;

srchilite::RegexRuleFactory &ruleFactory() {
    static srchilite::RegexRuleFactory factory;
    return factory;
}

std::map<std::string, std::unique_ptr<sg_language>> &cache() {
    static std::map<std::string, std::unique_ptr<sg_language>> languages;
    return languages;
}

char *copy(const std::string &text) {
    char *result = static_cast<char *>(std::malloc(text.size() + 1));
    if (result) std::memcpy(result, text.c_str(), text.size() + 1);
    return result;
}

/// Source-highlight reads definitions from files only; sitegen's own go
/// through an anonymous in-memory file, so nothing is written to disk.
srchilite::HighlightStatePtr buildFromText(srchilite::LangDefManager &manager, const char *text) {
    int fd = memfd_create("sitegen-language", MFD_CLOEXEC);
    if (fd < 0) throw std::runtime_error("memfd_create failed");
    size_t length = std::strlen(text);
    bool written = write(fd, text, length) == static_cast<ssize_t>(length);
    srchilite::HighlightStatePtr state;
    try {
        if (!written) throw std::runtime_error("could not write the definition");
        state = manager.buildHighlightState("/proc/self/fd", std::to_string(fd));
    } catch (...) {
        close(fd);
        throw;
    }
    close(fd);
    return state;
}

/// Source-highlight's many element names, mapped to the few classes a
/// theme styles; the rest stay plain text.
const char *classFor(const std::string &element) {
    static const std::map<std::string, const char *> classes = {
        {"keyword", "k"}, {"preproc", "m"}, {"type", "t"}, {"usertype", "t"}, {"classname", "t"},
        {"selector", "t"}, {"section", "t"}, {"key", "v"}, {"string", "s"}, {"regexp", "s"},
        {"specialchar", "s"}, {"valquote", "s"}, {"value", "s"}, {"comment", "c"}, {"todo", "c"},
        {"number", "n"}, {"function", "f"}, {"predef_func", "f"}, {"variable", "v"}, {"predef_var", "v"},
        {"attribute", "v"}, {"property", "v"}, {"keyquote", "v"}, {"oldfile", "del"}, {"newfile", "ins"},
        {"difflines", "m"}, {"label", "m"}, {"atom", "n"}, {"vardef", "v"}};
    auto found = classes.find(element);
    return found == classes.end() ? nullptr : found->second;
}

void escape(const std::string &text, std::string &out) {
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
}

/// The HTML of one call, and the span written last: a token of the same
/// class right after it joins that span (Source-highlight splits a JSON key
/// into three tokens of two elements that map to one class).
struct Output {
    std::string text;
    const char *lastClass = nullptr;
    size_t lastEnd = std::string::npos;
};

/// Writes each token into the shared output, in a span when its element
/// has a class.
class SpanFormatter : public srchilite::Formatter {
    Output &out;
    const char *className;

public:
    SpanFormatter(Output &out, const char *className) : out(out), className(className) {}

    void format(const std::string &text, const srchilite::FormatterParams *) override {
        if (text.empty()) return;
        if (!className) {
            escape(text, out.text);
            return;
        }
        static const std::string close = "</span>";
        if (out.lastClass == className && out.lastEnd == out.text.size()) {
            out.text.resize(out.text.size() - close.size());
        } else {
            out.text += "<span class=\"";
            out.text += className;
            out.text += "\">";
        }
        escape(text, out.text);
        out.text += close;
        out.lastClass = className;
        out.lastEnd = out.text.size();
    }
};

} // namespace

extern "C" const char *sg_data_dir(void) {
    static const std::string dir = srchilite::Settings::retrieveDataDir();
    return dir.c_str();
}

extern "C" const sg_language *sg_language_load(const char *name, const char *file, const char *text, char **error) {
    std::lock_guard<std::mutex> guard(cacheLock);
    auto found = cache().find(name);
    if (found != cache().end()) return found->second.get();
    try {
        srchilite::LangDefManager manager(&ruleFactory());
        auto language = std::make_unique<sg_language>();
        language->state = text ? buildFromText(manager, text) : manager.buildHighlightState(sg_data_dir(), file);
        sg_language *result = language.get();
        cache()[name] = std::move(language);
        return result;
    } catch (const std::exception &exception) {
        if (error) *error = copy(std::string(name) + ": " + exception.what());
    } catch (...) {
        if (error) *error = copy(std::string(name) + ": the language definition does not build");
    }
    return nullptr;
}

namespace {

/// One thread's output and formatters, built on the thread's first block and
/// reused for every block after it (building the 29 formatters cost a few
/// µs, a fifth of a one-line block). Never shared between threads.
struct ThreadFormatters {
    Output out;
    srchilite::FormatterManager manager;

    ThreadFormatters() : manager(srchilite::FormatterPtr(new SpanFormatter(out, nullptr))) {
        std::map<const char *, srchilite::FormatterPtr> byClass;
        for (const char *element : {"keyword", "preproc", "type", "usertype", "classname", "selector", "section",
                                    "key", "string", "regexp", "specialchar", "valquote", "value", "comment", "todo",
                                    "number", "function", "predef_func", "variable", "predef_var", "attribute",
                                    "property", "keyquote", "oldfile", "newfile", "difflines", "label", "atom", "vardef"}) {
            const char *className = classFor(element);
            auto &formatter = byClass[className];
            if (!formatter) formatter.reset(new SpanFormatter(out, className));
            manager.addFormatter(element, formatter);
        }
    }
};

} // namespace

extern "C" char *sg_highlight(const sg_language *language, const char *text, size_t length, char **error) {
    try {
        thread_local ThreadFormatters formatters;
        Output &out = formatters.out;
        out.text.clear();
        out.text.reserve(length * 2 + 64);
        out.lastClass = nullptr;
        out.lastEnd = std::string::npos;
        srchilite::SourceHighlighter highlighter(language->state);
        highlighter.setFormatterManager(&formatters.manager);
        highlighter.setOptimize(true);
        size_t start = 0;
        while (start < length) {
            const char *end = static_cast<const char *>(std::memchr(text + start, '\n', length - start));
            size_t stop = end ? static_cast<size_t>(end - text) : length;
            highlighter.highlightParagraph(std::string(text + start, stop - start));
            out.text += '\n';
            start = stop + 1;
        }
        return copy(out.text);
    } catch (const std::exception &exception) {
        if (error) *error = copy(exception.what());
    } catch (...) {
        if (error) *error = copy("highlighting failed");
    }
    return nullptr;
}
